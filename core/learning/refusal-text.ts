/** Why an extension or exemption request was refused: the sentence lives with the request's answer. */
export { refusalSentence } from './answers/request-answer.js';
