export async function readPdfText(_bytes: Uint8Array): Promise<string> {
  throw new Error('PDF not yet');
}
