// The table of a station list page: the rows of a live query (a spinner while they load), the feature's words when
// there are none, pages only when there is more than one, and a double click that opens a row.
import { Table, type TableColumnsType } from 'antd';
import type { RxResult } from '../db/use-rx';

export interface ListTableProps<T> {
  rows: RxResult<T[]>;
  /** What the empty list says. */
  empty: string;
  columns: TableColumnsType<T>;
  pageSize?: number;
  /** Opens a row on double click (the title column links to it too). */
  onOpen?: (row: T) => void;
}

export function ListTable<T extends { id: string }>({
  rows,
  empty,
  columns,
  pageSize = 10,
  onOpen,
}: ListTableProps<T>) {
  return (
    <Table<T>
      rowKey="id"
      size="middle"
      loading={rows.loading}
      dataSource={rows.value ?? []}
      locale={{ emptyText: empty }}
      pagination={{ pageSize, hideOnSinglePage: true }}
      onRow={onOpen ? (row) => ({ onDoubleClick: () => onOpen(row) }) : undefined}
      columns={columns}
    />
  );
}
