import { describe, expect, it } from 'vitest';
import { DESCRIBE_TABWRITER, formatTable, tabwrite } from './text-table.ts';

describe('formatTable (kubectl get layout)', () => {
  it('pads each column to its widest cell plus three spaces, last column unpadded', () => {
    expect(
      formatTable(
        ['NAME', 'PROVISIONER', 'AGE'],
        [
          ['standard (default)', 'rancher.io/local-path', '27d'],
          ['fast', 'ebs.csi.aws.com', '5m'],
        ],
      ),
    ).toBe(
      'NAME                 PROVISIONER             AGE\n' +
        'standard (default)   rancher.io/local-path   27d\n' +
        'fast                 ebs.csi.aws.com         5m\n',
    );
  });

  it('keeps a column at least 6 wide (tabwriter minwidth)', () => {
    expect(formatTable(['A', 'B'], [['x', 'y']])).toBe('A     B\nx     y\n');
  });

  it('pads empty cells and never leaves trailing spaces', () => {
    expect(formatTable(['NAME', 'CLAIM', 'AGE'], [['pv1', '', '1m']])).toBe('NAME   CLAIM   AGE\npv1            1m\n');
    expect(formatTable(['NAME', 'REASON', 'AGE'], [['pv1', '', '1m']])).toBe('NAME   REASON   AGE\npv1             1m\n');
  });

  it('prints rows only with no headers, and nothing for nothing', () => {
    expect(formatTable([], [['a', 'b']])).toBe('a     b\n');
    expect(formatTable([], [])).toBe('');
  });
});

describe('tabwrite (describe layout)', () => {
  it('aligns only consecutive lines that share a column', () => {
    const text = 'Name:\tx\nLong name:\ty\nSection:\n  Inner:\tz\n  Much longer:\tw\nEvents:\t<none>\n';
    expect(tabwrite(text, DESCRIBE_TABWRITER)).toBe(
      'Name:       x\n' +
        'Long name:  y\n' +
        'Section:\n' +
        '  Inner:        z\n' +
        '  Much longer:  w\n' +
        'Events:         <none>\n',
    );
  });

  it('pads a cell followed by an empty last cell (trailing spaces, like kubectl)', () => {
    expect(tabwrite('StorageClass:\t\nStatus:\tBound\n', DESCRIBE_TABWRITER)).toBe('StorageClass:  \nStatus:        Bound\n');
  });

  it('aligns nested columns per block', () => {
    const text = '  Type\tReason\tAge\n  ----\t------\t---\n  Normal\tScheduled\t10s\n';
    expect(tabwrite(text, DESCRIBE_TABWRITER)).toBe(
      '  Type    Reason     Age\n' + '  ----    ------     ---\n' + '  Normal  Scheduled  10s\n',
    );
  });
});
