/** A few synthetic adopted documents in memory (words from `text`), a quarter adopted by vote. */
export function syntheticDocuments(text: string, documents: number): Array<{ uri: string; text: string }> {
  const words = text.split(/\s+/).filter((w) => /^[a-z]{3,}$/.test(w));
  let seed = 7;
  const next = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const out: Array<{ uri: string; text: string }> = [];
  for (let d = 0; d < documents; d++) {
    const vote = d % 4 === 3;
    const lines = ['---', `symbol: A/SYN/T/${d + 1}`, `year: ${1995 + d}`, `adoption: ${vote ? 'vote 120-10-20' : 'consensus'}`, '---', ''];
    for (let k = 1; k <= 20; k++) {
      const sentence = Array.from({ length: 12 + Math.floor(next() * 20) }, () => words[Math.floor(next() * words.length)]!).join(' ');
      lines.push(`${k}. The Assembly ${sentence}. States ${sentence.split(' ').reverse().join(' ')}.`, '');
    }
    out.push({ uri: `syn-${d + 1}.draft`, text: lines.join('\n') });
  }
  return out;
}
