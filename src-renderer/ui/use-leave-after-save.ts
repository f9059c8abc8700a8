// Navigates away after a successful save, once the form is no longer marked dirty (so the unsaved-changes guard stays quiet).
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';

/**
 * `leave(to)` clears the dirty flag (via `setDirty(false)`) and navigates after the next render, once the
 * blocker of useUnsavedChangesGuard has seen the clean state. Call it after useUnsavedChangesGuard.
 */
export function useLeaveAfterSave(dirty: boolean, setDirty: (dirty: boolean) => void): (to: string) => void {
  const navigate = useNavigate();
  const [target, setTarget] = useState<string | null>(null);
  useEffect(() => {
    if (target === null || dirty) return;
    // One tick later, so the router's blocker has picked up the clean state of this render.
    const timer = setTimeout(() => {
      setTarget(null);
      navigate(target);
    }, 0);
    return () => clearTimeout(timer);
  }, [target, dirty, navigate]);
  return (to: string) => {
    setDirty(false);
    setTarget(to);
  };
}
