/** Pure figures of the managers' overview tab; see each module. No React, Fluent or Graph here. */
export * from './types';
export * from './attention';
export * from './coverage';
export * from './trends';
export * from './suggestions';
export * from './privacy';
export * from './partnerValidation';
export * from './interactionTable';
export * from './partnerActivity';
export * from './partnerSummary';
export * from './wooRequest';
export * from './wooPackage';
export * from './inzageRequest';
export * from './firstScreenDigest';
