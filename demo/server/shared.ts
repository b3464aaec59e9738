/**
 * What the reference server shares with the library, bundled by esbuild when
 * the server starts (see load-shared.mjs): the one phone-number module, the
 * email check, the limits and the seed data, so the server validates with the
 * same rules and serves the same demo data as MemoryBackend.
 */
export { normalizePhone, toE164, checkHandledNumber, samePhone } from '../../src/util/phone.js';
export { isValidEmail } from '../../src/util/email.js';
export { DEFAULT_LIMITS } from '../../src/context/types.js';
export {
  seedAgent,
  seedAuthModes,
  seedContactRecords,
  seedCustomers,
  seedHarassmentRecords,
  seedMessageRecords,
  seedReasonTree,
  seedRestReasons,
  seedScreenPopups,
  seedTemplates,
  seedTranscript,
} from '../../src/backend/memory-seed.js';
