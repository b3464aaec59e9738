import { Task } from '@lit/task';
import type { ReactiveControllerHost } from 'lit';
import type { WorkbenchBackend } from '../../backend/types.js';
import type { Customer } from '../../context/types.js';

/**
 * The customer of the handled number, for `<customer-info>` and
 * `<basic-information>`. The provider publishes the customer it found, but a
 * `null` from it cannot tell "still looking", "failed" and "unknown" apart; so
 * while no customer is known the panel looks the number up itself, with its
 * own pending, error (with Retry) and empty states. A change of number aborts
 * the request in flight: an answer for an old call is never shown.
 */
export function customerLookup(
  host: ReactiveControllerHost,
  read: () => { known: boolean; backend: WorkbenchBackend | null; number: string },
) {
  return new Task(host, {
    task: async ([known, backend, number], { signal }): Promise<Customer | null> => {
      if (known || !number) return null;
      if (!backend) throw new Error('no-backend');
      return backend.findCustomerByNumber(number, { signal });
    },
    args: () => {
      const { known, backend, number } = read();
      return [known, backend, number] as const;
    },
  });
}
