// `intake/worker`: the API of the main entry ("intake"), run in a Web Worker. Every function
// returns a Promise of what its namesake returns; see index.d.ts for each one's contract.
import type {
  CheckFieldOptions,
  CustomerInputs,
  CustomerPayloads,
  FieldCheck,
  FieldPointers,
  InitInput,
  Outcome,
  PhoneNumberType,
  PhoneStyle,
  ProviderId,
  ProviderInfo,
  RuleResult,
  ValidateOptions,
} from './index.js';

export { IntakeError } from './index.js';
export type * from './index.js';

/**
 * Starts the worker and loads the WASM module in it; optional, the first call does it.
 * `input` is as for `init()` of "intake" (default: the .wasm next to the package).
 * The .wasm is compiled asynchronously on the page, the module instantiated in the worker.
 */
export function init(input?: InitInput): Promise<void>;

/** Stops the worker and rejects pending calls; the next call starts a new worker. */
export function terminate(): void;

/**
 * `validate` in the worker.
 *
 * @example
 * import { validate } from "intake/worker";
 * const outcome = await validate("juicyway", record); // the page never waits on the phone rules
 */
export function validate<P extends ProviderId>(
  provider: P,
  record: CustomerInputs[P],
  options?: ValidateOptions,
): Promise<Outcome<CustomerPayloads[P]>>;
export function validate<P extends ProviderId>(
  provider: P,
  record: unknown,
  options?: ValidateOptions,
): Promise<Outcome<CustomerPayloads[P]>>;
export function validate(provider: string, record: unknown, options?: ValidateOptions): Promise<Outcome>;

/** `validateJson` in the worker. */
export function validateJson<P extends ProviderId>(
  provider: P,
  text: string,
  options?: ValidateOptions,
): Promise<Outcome<CustomerPayloads[P]>>;
export function validateJson(provider: string, text: string, options?: ValidateOptions): Promise<Outcome>;

/** `validateBatch` in the worker. */
export function validateBatch<P extends ProviderId>(
  provider: P,
  records: ReadonlyArray<unknown>,
  options?: ValidateOptions,
): Promise<Outcome<CustomerPayloads[P]>[]>;
export function validateBatch(provider: string, records: ReadonlyArray<unknown>, options?: ValidateOptions): Promise<Outcome[]>;

/** `checkField` in the worker. */
export function checkField<P extends ProviderId>(
  provider: P,
  pointer: FieldPointers[P],
  value: unknown,
  options?: CheckFieldOptions,
): Promise<FieldCheck>;
export function checkField(provider: string, pointer: string, value: unknown, options?: CheckFieldOptions): Promise<FieldCheck>;

/** `providers` in the worker. */
export function providers(): Promise<ProviderInfo[]>;

/** `rule` in the worker. */
export function rule(name: string, input: unknown, args?: Record<string, unknown>): Promise<RuleResult>;

/** `formatPhone` in the worker. */
export function formatPhone(text: string, style: PhoneStyle, region?: string | null): Promise<string | null>;

/** `exampleNumber` in the worker. */
export function exampleNumber(region: string, type?: PhoneNumberType): Promise<string | null>;
