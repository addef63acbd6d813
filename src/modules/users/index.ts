/** User administration: create and list accounts. */
export { createUser, listUsers } from './users.service';
