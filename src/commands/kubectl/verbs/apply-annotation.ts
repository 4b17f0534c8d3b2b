// kubectl's util.CreateOrUpdateAnnotation, which create and replace run on each object before
// sending it: with --save-config the last-applied annotation is written; without, a manifest that
// already carries one (pasted from `get -o yaml` of an applied object) has it brought up to date,
// so a later `kubectl apply` diffs against what was replaced rather than a stale configuration.
import { isPlainObject } from '../../../lib/deep.ts';
import { LAST_APPLIED_ANNOTATION, modifiedConfiguration } from './apply-patch.ts';

export function withApplyAnnotation(value: unknown, create: boolean): unknown {
  if (!isPlainObject(value)) return value;
  const metadata = value['metadata'];
  const annotations = isPlainObject(metadata) ? metadata['annotations'] : undefined;
  const has = isPlainObject(annotations) && typeof annotations[LAST_APPLIED_ANNOTATION] === 'string' && annotations[LAST_APPLIED_ANNOTATION] !== '';
  return create || has ? modifiedConfiguration(value) : value;
}
