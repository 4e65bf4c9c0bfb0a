export { Changer, type ChangerInput, type ChangerTracker, checkInvariants } from './changer.js';
export { confChangesFromString, describeConfChanges } from './describe.js';
export { ConfChangeError } from './errors.js';
export { checkConfState, restore } from './restore.js';
