/** The slice of NLP.js (MIT, github.com/axa-group/nlp.js) this bot uses; the packages ship no types. */
declare module '@nlpjs/core' {
  export interface Container {
    use(plugin: unknown): void;
  }
  export function containerBootstrap(settings?: Record<string, unknown>): Promise<Container>;
  const core: { containerBootstrap: typeof containerBootstrap };
  export default core;
}

declare module '@nlpjs/lang-en-min' {
  export const LangEn: unknown;
  const lang: { LangEn: unknown };
  export default lang;
}

declare module '@nlpjs/nlu' {
  import type { Container } from '@nlpjs/core';
  export interface NluClassification {
    intent: string;
    score: number;
  }
  export class NluNeural {
    constructor(settings: { locale: string; container: Container; log?: boolean; useNoneFeature?: boolean; [key: string]: unknown });
    train(corpus: Array<{ utterance: string; intent: string }>, settings?: Record<string, unknown>): Promise<unknown>;
    process(utterance: string, settings?: Record<string, unknown>): Promise<{ classifications: NluClassification[] }>;
  }
  const nlu: { NluNeural: typeof NluNeural };
  export default nlu;
}
