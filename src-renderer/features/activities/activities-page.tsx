// The 履职活动 section: activity records and the compliance view (tabs), the activity form and page, as nested routes.
import { Route, Routes } from 'react-router';
import { ActivitiesHome } from './activities-home';
import { ActivityDetail } from './activity-detail';
import { ActivityForm } from './activity-form';

export default function ActivitiesPage() {
  return (
    <Routes>
      <Route index element={<ActivitiesHome />} />
      <Route path="new" element={<ActivityForm />} />
      <Route path=":id" element={<ActivityDetail />} />
      <Route path=":id/edit" element={<ActivityForm />} />
    </Routes>
  );
}
