// The visitor's side of an opinion form: privacy notice, name/phone/ID number/address, photos.
// Shared by taking an opinion (intake) and correcting one (群众意见 edit); must sit inside an antd Form.
import { Alert, Col, Form, Input, Row } from 'antd';
import { labelOf } from '../../src-shared/common/labels';
import { type Visitor, visitorFieldLabels } from '../../src-shared/opinion/opinion';
import { useLocale } from '../i18n/i18n';
import { PhotoPicker } from './photo-picker';

interface VisitorFieldsProps {
  /** The privacy notice above the fields: intake informs, editing (details shown in full) warns. */
  notice: { type: 'info' | 'warning'; title: string; description: string };
  /** Label (and picker input label) of the photos field. */
  photosLabel: string;
}

export function VisitorFields({ notice, photosLabel }: VisitorFieldsProps) {
  const locale = useLocale();
  const visitorLabel = (field: keyof Visitor) => labelOf(visitorFieldLabels, field, locale);
  return (
    <>
      <Alert
        type={notice.type}
        showIcon
        title={notice.title}
        description={notice.description}
        style={{ marginBottom: 12 }}
      />
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name={['visitor', 'name']} label={visitorLabel('name')} required>
            <Input maxLength={50} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name={['visitor', 'phone']} label={visitorLabel('phone')}>
            <Input maxLength={20} autoComplete="off" inputMode="tel" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name={['visitor', 'idNumber']} label={visitorLabel('idNumber')}>
        <Input maxLength={18} autoComplete="off" />
      </Form.Item>
      <Form.Item name={['visitor', 'address']} label={visitorLabel('address')}>
        <Input maxLength={200} autoComplete="off" />
      </Form.Item>
      <Form.Item name="photos" label={photosLabel}>
        <PhotoPicker inputLabel={photosLabel} />
      </Form.Item>
    </>
  );
}
