// The buttons every county report has: export the server's XLSX / CSV (saved through the host: a download in the
// browser) and print to A4 landscape.

import { FileExcelOutlined, FileTextOutlined, PrinterOutlined, ReloadOutlined } from '@ant-design/icons';
import { App, Button, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportFormat } from '../../../../src-shared/api/reports';
import { parseHostError } from '../../../../src-shared/host/host-api';
import { getHost } from '../../../platform/host';
import type { ExportedFile } from '../county-api';

interface ReportToolbarProps {
  /** Fetches the export from the server. */
  exportFile: (format: ExportFormat) => Promise<ExportedFile>;
  /** The PDF name offered when printing (without extension). */
  printName: string;
  onRefresh: () => void;
  loading: boolean;
}

function errorText(error: unknown): string {
  return parseHostError(error)?.message ?? (error instanceof Error ? error.message : String(error));
}

export function ReportToolbar({ exportFile, printName, onRefresh, loading }: ReportToolbarProps) {
  const { t } = useTranslation('county');
  const { message } = App.useApp();
  const [busy, setBusy] = useState<ExportFormat | null>(null);

  async function save(format: ExportFormat) {
    setBusy(format);
    try {
      const file = await exportFile(format);
      const result = await getHost().saveFile({
        suggestedName: file.fileName,
        mimeType: file.mimeType,
        data: file.data,
      });
      if (result.saved) void message.success(t('report.exported', { name: file.fileName }));
    } catch (error) {
      void message.error(t('report.exportFailed', { message: errorText(error) }));
    } finally {
      setBusy(null);
    }
  }

  async function print() {
    try {
      await getHost().printToPdf({ suggestedName: `${printName}.pdf` });
    } catch (error) {
      void message.error(t('report.printFailed', { message: errorText(error) }));
    }
  }

  return (
    <Space wrap className="no-print">
      <Button icon={<ReloadOutlined />} onClick={onRefresh} loading={loading}>
        {t('report.refresh')}
      </Button>
      <Button icon={<FileExcelOutlined />} onClick={() => void save('xlsx')} loading={busy === 'xlsx'}>
        {t('report.exportXlsx')}
      </Button>
      <Button icon={<FileTextOutlined />} onClick={() => void save('csv')} loading={busy === 'csv'}>
        {t('report.exportCsv')}
      </Button>
      <Button icon={<PrinterOutlined />} onClick={() => void print()}>
        {t('report.print')}
      </Button>
    </Space>
  );
}
