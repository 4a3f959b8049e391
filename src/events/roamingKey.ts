/** The roaming setting that carries the compose hints for classic Outlook on Windows (src/hosts/outlook/composeHintsRoaming.ts). */
export const COMPOSE_HINTS_ROAMING_KEY = 'composeHints';
