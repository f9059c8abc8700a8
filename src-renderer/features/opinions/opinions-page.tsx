// The 群众意见 section: list, 登记 (create), detail and 修改 (edit) as nested routes.
import { Route, Routes } from 'react-router';
import { OpinionCreate } from './opinion-create';
import { OpinionDetail } from './opinion-detail';
import { OpinionEdit } from './opinion-edit';
import { OpinionList } from './opinion-list';

export default function OpinionsPage() {
  return (
    <Routes>
      <Route index element={<OpinionList />} />
      <Route path="new" element={<OpinionCreate />} />
      <Route path=":id" element={<OpinionDetail />} />
      <Route path=":id/edit" element={<OpinionEdit />} />
    </Routes>
  );
}
