/**
 * Who is signed in, the language and the theme are one choice for the whole demo, as they are for a
 * person in Outlook and Teams: kept under one localStorage key that every surface reads (and follows
 * while open); the item is each surface's own. A module of its own so that the pages' start-up guard
 * can read the language without the demo host.
 */
export const DEMO_LOOK_KEY = 'partnerzicht.demo.look';
