/**
 * The before-handle stage: the provider's own step on every request about to
 * reach its handler (Provider.beforeHandle), such as a rule the vendor applies
 * to every operation or what the provider keeps of the requests it serves. It
 * runs after validation, on the context the handler will get (the same
 * object), and refuses by throwing a MockError like any stage.
 */
import type { Exchange, Mount } from './context.js';
import { handlerContext } from './handle.js';

export function beforeHandle(mount: Mount, x: Exchange): void {
  if (mount.provider.beforeHandle) mount.provider.beforeHandle(handlerContext(mount, x));
}
