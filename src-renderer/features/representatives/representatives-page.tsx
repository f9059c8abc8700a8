// The 代表 section: the station's representatives by level, and each one's record (代表履职档案).
import { Route, Routes } from 'react-router';
import { RepresentativeList } from './representative-list';
import { RepresentativeRecordPage } from './representative-record-page';

export default function RepresentativesPage() {
  return (
    <Routes>
      <Route index element={<RepresentativeList />} />
      <Route path=":id" element={<RepresentativeRecordPage />} />
    </Routes>
  );
}
