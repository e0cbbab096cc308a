// The French message catalog: a text for every code.
import type { Code } from '../index.js';
declare const messages: Readonly<Record<Code, string>>;
export default messages;
