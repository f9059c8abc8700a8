// A4 print layout: an on-screen sheet preview with a print button; @media print keeps only the sheet.
import { PrinterOutlined } from '@ant-design/icons';
import { App, Button, Space, Typography } from 'antd';
import type { CSSProperties, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { parseHostError } from '../../src-shared/host/host-api';
import { getHost } from '../platform/host';

const sheetStyle: CSSProperties = {
  width: '210mm',
  minHeight: '297mm',
  boxSizing: 'border-box',
  padding: '18mm 16mm',
  margin: '0 auto',
  background: '#fff',
  color: '#000',
  fontSize: '12pt',
  lineHeight: 1.7,
};

interface PrintA4Props {
  /** The PDF's suggested file name (without extension). */
  documentName: string;
  /** Extra buttons beside the print button (e.g. 返回). */
  toolbar?: ReactNode;
  /** Called after printing started (e.g. to record when a notice was posted). */
  onPrinted?: () => void;
  children: ReactNode;
}

export function PrintA4({ documentName, toolbar, onPrinted, children }: PrintA4Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();

  async function print() {
    try {
      await getHost().printToPdf({ suggestedName: `${documentName}.pdf` });
      onPrinted?.();
    } catch (error) {
      const text = parseHostError(error)?.message ?? (error instanceof Error ? error.message : String(error));
      void message.error(t('print.failed', { message: text }));
    }
  }

  return (
    <div>
      <Space className="no-print" style={{ marginBottom: 16 }} wrap>
        {toolbar}
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => void print()}>
          {t('actions.printPdf')}
        </Button>
        <Typography.Text type="secondary">{t('print.hint')}</Typography.Text>
      </Space>
      <div className="print-sheet-frame" style={{ background: '#e8e8e8', padding: 16 }}>
        <article className="print-sheet" style={sheetStyle}>
          {children}
        </article>
      </div>
    </div>
  );
}
