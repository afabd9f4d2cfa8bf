import { describe, expect, it } from 'vitest';
import {
  RelabelConfigSchema,
  compileRelabel,
  relabel,
  type RawLabels,
  type RelabelConfig,
} from './relabel';

function run(labels: RawLabels, ...configs: unknown[]): RawLabels | null {
  const rules = compileRelabel(configs.map((config) => RelabelConfigSchema.parse(config)));
  return relabel(labels, rules);
}

// Cases from Prometheus's model/relabel/relabel_test.go and the configuration docs.
describe('relabel', () => {
  it.each<[string, RawLabels, RelabelConfig | object, RawLabels | null]>([
    [
      'replace writes the first capture group to the target',
      { a: 'foo', b: 'bar', c: 'baz' },
      { source_labels: ['a'], regex: 'f(.*)', target_label: 'd', replacement: 'ch${1}-ch${1}' },
      { a: 'foo', b: 'bar', c: 'baz', d: 'choo-choo' },
    ],
    [
      'replace joins source labels with the separator',
      { a: 'foo', b: 'bar', c: 'baz' },
      {
        source_labels: ['a', 'b'],
        regex: 'f(.*);(.*)r',
        target_label: 'a',
        replacement: 'b${1}${2}m',
      },
      { a: 'boobam', b: 'bar', c: 'baz' },
    ],
    [
      'replace leaves the set alone when the regex does not match',
      { a: 'foo' },
      { source_labels: ['a'], regex: 'o', target_label: 'd' },
      { a: 'foo' },
    ],
    [
      'the regex is anchored at both ends',
      { a: 'foo' },
      { source_labels: ['a'], regex: 'f|o', target_label: 'd' },
      { a: 'foo' },
    ],
    [
      'an empty replacement deletes the target label',
      { a: 'foo', b: 'bar' },
      { source_labels: ['a'], regex: '(.*)', target_label: 'b', replacement: '' },
      { a: 'foo' },
    ],
    [
      '$1x names a group "1x", so it expands to nothing, as in Go',
      { a: 'foo' },
      { source_labels: ['a'], regex: '(f)oo', target_label: 'b', replacement: '$1x$$' },
      { a: 'foo', b: '$' },
    ],
    [
      'named groups in the RE2 spelling',
      { instance: 'gpu-node-3.us-east-1:9400' },
      {
        source_labels: ['instance'],
        regex: '[^.]+\\.(?P<region>[^:]+):\\d+',
        target_label: 'cluster',
        replacement: '$region',
      },
      { instance: 'gpu-node-3.us-east-1:9400', cluster: 'us-east-1' },
    ],
    [
      'the target label may be expanded too',
      { a: 'some-name-value' },
      {
        source_labels: ['a'],
        regex: 'some-([^-]+)-([^,]+)',
        target_label: '${1}',
        replacement: '${2}',
      },
      { a: 'some-name-value', name: 'value' },
    ],
    [
      'an invalid target label name is skipped',
      { a: 'some-0-value' },
      {
        source_labels: ['a'],
        regex: 'some-([^-]+)-([^,]+)',
        target_label: '${1}',
        replacement: 'x',
      },
      { a: 'some-0-value' },
    ],
    [
      'keep drops the set when the regex does not match',
      { a: 'foo' },
      { source_labels: ['a'], regex: 'f.+', action: 'keep' },
      { a: 'foo' },
    ],
    [
      'keep on a missing label matches the empty string',
      { a: 'foo' },
      { source_labels: ['z'], regex: 'f.+', action: 'keep' },
      null,
    ],
    [
      'drop drops the set when the regex matches',
      { a: 'foo', b: 'bar' },
      { source_labels: ['a'], regex: 'f.+', action: 'drop' },
      null,
    ],
    [
      'drop keeps the set when it does not match',
      { a: 'foo' },
      { source_labels: ['a'], regex: 'x.+', action: 'drop' },
      { a: 'foo' },
    ],
    [
      'labelmap copies matching labels under the replaced name',
      { __meta_kubernetes_pod_label_app: 'vllm', __meta_kubernetes_pod_label_tier: 'gpu', a: 'x' },
      { regex: '__meta_kubernetes_pod_label_(.+)', action: 'labelmap' },
      {
        __meta_kubernetes_pod_label_app: 'vllm',
        __meta_kubernetes_pod_label_tier: 'gpu',
        a: 'x',
        app: 'vllm',
        tier: 'gpu',
      },
    ],
    [
      'labeldrop removes labels whose name matches',
      { a: 'foo', b1: 'bar', b2: 'baz' },
      { regex: 'b.', action: 'labeldrop' },
      { a: 'foo' },
    ],
    [
      'labelkeep keeps only labels whose name matches',
      { a: 'foo', b1: 'bar', b2: 'baz' },
      { regex: 'b.', action: 'labelkeep' },
      { b1: 'bar', b2: 'baz' },
    ],
  ])('%s', (_name, labels, config, expected) => {
    expect(run(labels, config)).toEqual(expected);
  });

  it('applies rules in order and stops at the first drop', () => {
    const rules = [
      { source_labels: ['modelName'], target_label: 'workload' },
      { source_labels: ['workload'], regex: 'Tesla.*', action: 'keep' },
      { regex: 'modelName', action: 'labeldrop' },
    ];
    expect(run({ modelName: 'Tesla T4', gpu: '0' }, ...rules)).toEqual({
      gpu: '0',
      workload: 'Tesla T4',
    });
    expect(run({ modelName: 'A100', gpu: '0' }, ...rules)).toBeNull();
  });

  it('does not change the labels it was given', () => {
    const labels = { a: 'foo' };
    run(labels, { source_labels: ['a'], target_label: 'b' });
    expect(labels).toEqual({ a: 'foo' });
  });

  it('refuses a replace without a target label and a regex that does not compile', () => {
    expect(RelabelConfigSchema.safeParse({ source_labels: ['a'] }).success).toBe(false);
    expect(RelabelConfigSchema.safeParse({ regex: '(', action: 'labeldrop' }).success).toBe(false);
    expect(RelabelConfigSchema.safeParse({ action: 'keep' }).success).toBe(false);
  });
});
