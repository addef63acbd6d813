/** In-app notifications (`notify`) and e-mail through the outbox (`queueMail` in the change's transaction, `deliverOutbox` after commit). */
export { notify } from './notifications.service';
export { deliverOutbox, queueMail } from './outbox';
