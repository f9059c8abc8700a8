// The 接待日 section: list, plan, edit plan, detail (hold, cancel, fast opinion form) and the two A4 print views.
import { Route, Routes } from 'react-router';
import { ReceptionDayDetail } from './reception-day-detail';
import { ReceptionDayEdit } from './reception-day-edit';
import { ReceptionDayList } from './reception-day-list';
import { ReceptionDayPlan } from './reception-day-plan';
import { ReceptionDayNotice, ReceptionDayRegister } from './reception-day-print';

export default function ReceptionDaysPage() {
  return (
    <Routes>
      <Route index element={<ReceptionDayList />} />
      <Route path="new" element={<ReceptionDayPlan />} />
      <Route path=":id" element={<ReceptionDayDetail />} />
      <Route path=":id/edit" element={<ReceptionDayEdit />} />
      <Route path=":id/notice" element={<ReceptionDayNotice />} />
      <Route path=":id/register" element={<ReceptionDayRegister />} />
    </Routes>
  );
}
