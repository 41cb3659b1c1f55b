import { describe, expect, it } from 'vitest';
import { filenameFromContentDisposition } from './download';

describe('filenameFromContentDisposition', () => {
  it('reads a quoted file name', () => {
    expect(filenameFromContentDisposition('attachment; filename="winners-luat-htx-2023-round-1.csv"')).toBe(
      'winners-luat-htx-2023-round-1.csv',
    );
  });
  it('reads a bare file name', () => {
    expect(filenameFromContentDisposition('attachment; filename=winners.xlsx')).toBe('winners.xlsx');
  });
  it('prefers the UTF-8 filename* form', () => {
    expect(
      filenameFromContentDisposition(
        `attachment; filename="giai.csv"; filename*=UTF-8''gi%E1%BA%A3i%20th%C6%B0%E1%BB%9Fng.csv`,
      ),
    ).toBe('giải thưởng.csv');
  });
  it('unescapes quoted characters and drops directories', () => {
    expect(filenameFromContentDisposition('attachment; filename="a\\"b.csv"')).toBe('a"b.csv');
    expect(filenameFromContentDisposition('attachment; filename="../../etc/passwd"')).toBe('passwd');
  });
  it('falls back when there is no name', () => {
    expect(filenameFromContentDisposition(null, 'winners.csv')).toBe('winners.csv');
    expect(filenameFromContentDisposition('attachment', 'winners.csv')).toBe('winners.csv');
    expect(filenameFromContentDisposition(`attachment; filename*=UTF-8''%E0%A4%A`, 'x.csv')).toBe('x.csv');
  });
});
