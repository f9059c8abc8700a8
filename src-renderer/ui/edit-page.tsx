// A page about one record, opened from another: a back button and the title in one bar (with tags or buttons after
// them), and for the pages that edit or create a record, the form's card under it.
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Card, Space, type SpaceProps, Typography } from 'antd';
import type { CSSProperties, ReactNode } from 'react';
import { useNavigate } from 'react-router';

/** Where the back button leads (a route, relative ones like `..` included) and what it says. */
export interface BackTo {
  label: string;
  to: string;
}

export function BackButton({ label, to }: BackTo) {
  const navigate = useNavigate();
  return (
    <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(to)}>
      {label}
    </Button>
  );
}

/** The bar above a record's page: back, the title, then `children` (status tags, an edit button). */
export function TitleBar({
  back,
  title,
  children,
  ...space
}: { back: BackTo; title: ReactNode; children?: ReactNode } & Pick<SpaceProps, 'align' | 'wrap'>) {
  return (
    <Space style={{ marginBottom: 12 }} {...space}>
      <BackButton {...back} />
      <Typography.Title level={4} style={{ margin: 0 }}>
        {title}
      </Typography.Title>
      {children}
    </Space>
  );
}

/** A page that edits or creates one record: the bar, then its form in a card. */
export function EditPage({
  back,
  title,
  cardStyle,
  children,
}: {
  back: BackTo;
  title: ReactNode;
  cardStyle?: CSSProperties;
  children: ReactNode;
}) {
  return (
    <div>
      <TitleBar back={back} title={title} />
      <Card style={cardStyle}>{children}</Card>
    </div>
  );
}
