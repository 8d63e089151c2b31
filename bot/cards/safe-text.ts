/** Words a person typed, shown back on a card: markdown and markup characters dropped, kept short. */
export function typedText(text: string, max = 60): string {
  const plain = text.replace(/[*_[\]()`<>#|\\]/g, '').replace(/\s+/g, ' ').trim();
  return plain.length > max ? `${plain.slice(0, max - 1)}…` : plain;
}
