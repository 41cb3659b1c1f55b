import { describe, expect, it } from 'vitest';
import { questionFileType } from './questions-page';

describe('questionFileType', () => {
  it('sends a CSV as text/csv and a workbook as XLSX, by name or by type', () => {
    expect(questionFileType({ name: 'cau-hoi.CSV', type: '' })).toBe('text/csv');
    expect(questionFileType({ name: 'ngan-hang.xlsx', type: '' })).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(questionFileType({ name: 'export', type: 'text/csv' })).toBe('text/csv');
  });
  it('refuses anything else', () => {
    expect(questionFileType({ name: 'cau-hoi.xls', type: 'application/vnd.ms-excel' })).toBeNull();
    expect(questionFileType({ name: 'cau-hoi.pdf', type: 'application/pdf' })).toBeNull();
  });
});
