/**
 * The duplicate-funding check (查重, LY-FUNDS §17): word shingles, MinHash signatures, an LSH
 * banding index to find candidates without scanning the corpus, exact similarity to verify them,
 * and passage alignment to show the officer where two texts overlap. Pure: the caller segments
 * the text into words.
 */
export { fmix32, hashString, seededRandom } from "./hash.ts";
export {
  type CandidateOptions,
  candidateProbability,
  LshIndex,
  type LshParameters,
  lshNumPerm,
  lshParameters,
} from "./lsh.ts";
export {
  agreementFloor,
  agreements,
  createMinHasher,
  DEFAULT_MINHASH_SEED,
  DEFAULT_NUM_PERM,
  estimateJaccard,
  type MinHasher,
} from "./minhash.ts";
export { type AlignOptions, alignPassages, type PassagePair, type PassageSide } from "./passages.ts";
export { DEFAULT_SHINGLE_SIZE, shingleHashes, toShingleSet } from "./shingles.ts";
export {
  intersectionSize,
  jaccardMayReach,
  type ShingleSimilarity,
  shingleJaccard,
  shingleSimilarity,
} from "./similarity.ts";
export {
  type CharRange,
  type SentenceSpan,
  sentenceRanges,
  sentencesOf,
  sentenceWords,
  type TokenizedText,
  type WordToken,
} from "./text.ts";
