/** The texts that keep a conversation from reaching a dead end. */
export function helpText(): string {
  return [
    "Hello! I'm Mandatory Learning. I keep track of the mandatory training your roles need.",
    'Try:',
    "- **what's due**: what you need to do, worst first",
    '- **help**: this message',
  ].join('\n\n');
}

export function unknownText(): string {
  return "Sorry, I didn't understand that. Try **what's due** to see your mandatory learning, or **help** for what I can do.";
}

export function notFoundText(supportContact: string): string {
  return `I can't find you in the staff records, so I can't show your learning yet. Please contact ${supportContact} and ask them to link your Teams account to your staff record.`;
}
