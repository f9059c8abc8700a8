// Test factories for every record type (valid against the schemas); tests of all workspaces build fixtures here.

import type { Activity } from '../activity/activity';
import type { Role } from '../common/document';
import { newId } from '../common/ids';
import type { Actor } from '../common/lifecycle';
import type { Department } from '../department/department';
import type { MediationCase, MediationCaseStatus } from '../mediation-case/mediation-case';
import { type Opinion, type OpinionStatus, receivedAtDescOf } from '../opinion/opinion';
import type { Photo } from '../photo/photo';
import type { ReceptionDay, ReceptionDayStatus } from '../reception-day/reception-day';
import type { Representative } from '../representative/representative';
import type { Station } from '../station/station';

export const TEST_NOW = '2026-03-02T02:30:00.000Z';
export const TEST_COUNTY_ID = 'county-xiangzhou';
export const TEST_STATION_ID = 'station-miaohuang';

/** A 1×1 white JPEG, base64. */
export const TINY_JPEG_BASE64 =
  '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=';

export function makeActor(role: Role = 'station', name = role === 'county' ? '县人大李干事' : '站点王文书'): Actor {
  return { name, role };
}

export function makeStation(overrides: Partial<Station> = {}): Station {
  return {
    id: TEST_STATION_ID,
    countyId: TEST_COUNTY_ID,
    countyName: '象州县',
    countyShortName: '象州',
    townshipId: 'township-miaohuang',
    townshipName: '妙皇乡',
    name: '妙皇乡人大代表联络站',
    shortName: '妙皇',
    kind: 'activityCenter',
    isDemonstration: true,
    belt: '象州示范带',
    address: '象州县妙皇乡政府大院',
    createdAt: TEST_NOW,
    updatedAt: TEST_NOW,
    ...overrides,
  };
}

export function makeRepresentative(overrides: Partial<Representative> = {}): Representative {
  return {
    id: newId(),
    countyId: TEST_COUNTY_ID,
    stationId: TEST_STATION_ID,
    name: '韦代表',
    level: 'county',
    organization: '妙皇村党支部书记',
    phone: '13800000001',
    active: true,
    createdAt: TEST_NOW,
    updatedAt: TEST_NOW,
    ...overrides,
  };
}

export function makeDepartment(overrides: Partial<Department> = {}): Department {
  return {
    id: newId(),
    countyId: TEST_COUNTY_ID,
    name: '象州县住房和城乡建设局',
    active: true,
    createdAt: TEST_NOW,
    updatedAt: TEST_NOW,
    ...overrides,
  };
}

/** A reception day; `status` fills the fields that state needs (held: present representatives and visitors). */
export function makeReceptionDay(overrides: Partial<ReceptionDay> = {}): ReceptionDay {
  const status: ReceptionDayStatus = overrides.status ?? 'planned';
  const representativeId = 'rep-1';
  return {
    id: newId(),
    countyId: TEST_COUNTY_ID,
    stationId: TEST_STATION_ID,
    createdAt: TEST_NOW,
    updatedAt: TEST_NOW,
    history: [],
    date: '2026-03-05',
    startTime: '09:00',
    endTime: '12:00',
    place: '妙皇乡代表联络站接待室',
    representativeIds: [representativeId],
    topic: '农村道路建设',
    status,
    ...(status === 'held' ? { presentRepresentativeIds: [representativeId], visitorCount: 3 } : {}),
    ...(status === 'cancelled' ? { cancelReason: '台风预警' } : {}),
    ...overrides,
  };
}

const opinionStatusFields: Record<OpinionStatus, Partial<Opinion>> = {
  recorded: {},
  submitted: {},
  accepted: {},
  assigned: {},
  returned: {},
  replied: {},
  rated: {},
  closed: {},
  answeredOnSite: { onSiteAnswer: '已向群众解释政策' },
  rejected: { rejectionReason: '不属于人大职责范围' },
  merged: { mergedIntoId: 'opinion-original' },
  escalated: { escalation: { kind: 'suggestion' } },
};
const assignment = {
  leadDepartmentId: 'dept-housing',
  assistingDepartmentIds: ['dept-transport'],
  deadline: '2026-04-01',
};
const reply = { class: 'A' as const, text: '已安排施工队修复道路', repliedOn: '2026-03-20' };

/** An opinion; `status` fills the fields that state implies (assigned → assignment, replied → reply, …);
 * `receivedAtDesc` follows `receivedAt` unless given. */
export function makeOpinion(overrides: Partial<Opinion> = {}): Opinion {
  const status: OpinionStatus = overrides.status ?? 'recorded';
  const processed = ['assigned', 'returned', 'replied', 'rated', 'closed'].includes(status);
  const receivedAt = overrides.receivedAt ?? TEST_NOW;
  return {
    id: newId(),
    countyId: TEST_COUNTY_ID,
    stationId: TEST_STATION_ID,
    createdAt: TEST_NOW,
    updatedAt: TEST_NOW,
    history: [],
    receivedAt,
    receivedAtDesc: receivedAtDescOf(receivedAt),
    representativeId: 'rep-1',
    source: 'receptionDay',
    category: 'ruralRevitalization',
    title: '村道破损需修复',
    content: '妙皇村至县道的村道多处破损，雨天难以通行，希望尽快修复。',
    visitor: { name: '张三', phone: '13812345678', idNumber: '450101199001011234', address: '妙皇村三组' },
    status,
    ...opinionStatusFields[status],
    ...(processed ? { assignment } : {}),
    ...(status === 'returned' ? { returnReason: '不属于本单位职责' } : {}),
    ...(['replied', 'rated', 'closed'].includes(status) ? { reply } : {}),
    ...(['rated', 'closed'].includes(status) ? { satisfaction: 'satisfied' as const } : {}),
    ...overrides,
  };
}

const agreement = {
  facts: '双方因宅基地边界发生争执',
  disputeItems: '宅基地东侧界线',
  responsibilities: '双方各承担一半测量费用',
  agreedContent: '以村委会2010年登记界线为准，申请人拆除越界围墙',
  performanceMethod: '申请人自行拆除，村委会见证',
  performanceDeadline: '2026-04-30',
  signedOn: '2026-03-10',
};

/** A mediation case; `status` fills the fields that state implies (agreed → agreement, failed → referral, …). */
export function makeMediationCase(overrides: Partial<MediationCase> = {}): MediationCase {
  const status: MediationCaseStatus = overrides.status ?? 'registered';
  return {
    id: newId(),
    countyId: TEST_COUNTY_ID,
    stationId: TEST_STATION_ID,
    createdAt: TEST_NOW,
    updatedAt: TEST_NOW,
    history: [],
    caseNumber: '象州-妙皇-2026-0001',
    registeredOn: '2026-03-02',
    source: 'visitorRequest',
    disputeType: 'neighbour',
    parties: [
      { name: '李四', role: 'applicant', phone: '13900000002', address: '妙皇村一组' },
      { name: '王五', role: 'respondent', idNumber: '45010119850505123X' },
    ],
    facts: '申请人称被申请人建围墙占用其宅基地，请求拆除。',
    participants: [
      { name: '覃调解员', role: 'mediator' },
      { name: '韦代表', role: 'representative', representativeId: 'rep-1' },
    ],
    sessions: [],
    status,
    followUps: [],
    ...(['agreed', 'performed'].includes(status) ? { agreement } : {}),
    ...(status === 'performed' ? { performedOn: '2026-04-20' } : {}),
    ...(status === 'failed' ? { referral: { kind: 'court' as const }, failureReason: '双方分歧较大' } : {}),
    ...overrides,
  };
}

export function makeActivity(overrides: Partial<Activity> = {}): Activity {
  return {
    id: newId(),
    countyId: TEST_COUNTY_ID,
    stationId: TEST_STATION_ID,
    createdAt: TEST_NOW,
    updatedAt: TEST_NOW,
    history: [],
    type: 'training',
    date: '2026-03-03',
    title: '代表履职学习培训',
    place: '妙皇乡会议室',
    representativeIds: ['rep-1'],
    participantCount: 12,
    ...overrides,
  };
}

export function makePhoto(overrides: Partial<Photo> = {}): Photo {
  return {
    id: newId(),
    countyId: TEST_COUNTY_ID,
    stationId: TEST_STATION_ID,
    createdAt: TEST_NOW,
    updatedAt: TEST_NOW,
    history: [],
    ownerCollection: 'opinions',
    ownerId: 'opinion-1',
    mimeType: 'image/jpeg',
    width: 1,
    height: 1,
    dataBase64: TINY_JPEG_BASE64,
    ...overrides,
  };
}
