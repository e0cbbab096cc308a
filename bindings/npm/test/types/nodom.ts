// Type-checked without the DOM library (lib: es2020, no @types): a Node project's setting.
import { init, validate, type InitInput } from 'intake';

const bytes = new Uint8Array([0, 97, 115, 109]);
const input: InitInput = bytes;
const later: InitInput = Promise.resolve(bytes.buffer);
const url: InitInput = { href: 'file:///srv/intake_wasm_bg.wasm' };
export async function main(): Promise<boolean> {
  await init(input);
  void later, url;
  return validate('atoa', { fullName: 'Ada' }).valid;
}
