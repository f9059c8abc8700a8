// The 群众意见 section: list, 登记 (create) and detail as nested routes.
import { Route, Routes } from 'react-router-dom';
import { OpinionCreate } from './opinion-create';
import { OpinionDetail } from './opinion-detail';
import { OpinionList } from './opinion-list';

export default function OpinionsPage() {
  return (
    <Routes>
      <Route index element={<OpinionList />} />
      <Route path="new" element={<OpinionCreate />} />
      <Route path=":id" element={<OpinionDetail />} />
    </Routes>
  );
}
