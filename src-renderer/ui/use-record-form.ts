// The state every page that edits a record keeps: the antd form, whether it has unsaved changes (the leave guard asks
// before they are lost), whether a save is running, the problems no field shows, and `leave` for after a save.
import { Form } from 'antd';
import { useState } from 'react';
import { useUnsavedChangesGuard } from './unsaved-changes-guard';
import { useLeaveAfterSave } from './use-leave-after-save';

export function useRecordForm<V>() {
  const [form] = Form.useForm<V>();
  const [dirty, setDirty] = useState(false);
  const [saving, setSaving] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);
  useUnsavedChangesGuard(dirty);
  const leave = useLeaveAfterSave(dirty, setDirty);
  return { form, dirty, setDirty, saving, setSaving, problems, setProblems, leave };
}
