// Demo reference data for 培训/演示模式: one activity center of 象州县 with representatives of all five levels.
import { newId } from '../../../src-shared/common/ids';
import type { Department } from '../../../src-shared/department/department';
import type { Representative, RepresentativeLevel } from '../../../src-shared/representative/representative';
import type { Station } from '../../../src-shared/station/station';

export interface TrainingStation {
  station: Station;
  representatives: Representative[];
  departments: Department[];
}

const demoRepresentatives: { name: string; level: RepresentativeLevel; organization: string; phone: string }[] = [
  { name: '韦国华', level: 'national', organization: '象州县妙皇乡大樟村党总支书记', phone: '13907720101' },
  { name: '蓝秀英', level: 'regional', organization: '象州县人民医院护士长', phone: '13907720102' },
  { name: '覃志强', level: 'city', organization: '来宾市某农业合作社理事长', phone: '13907720103' },
  { name: '莫春燕', level: 'county', organization: '妙皇乡中心小学校长', phone: '13907720104' },
  { name: '黄建新', level: 'county', organization: '象州县妙皇乡农技站站长', phone: '13907720105' },
  { name: '梁美玲', level: 'township', organization: '妙皇乡妙皇村村民委员会主任', phone: '13907720106' },
  { name: '陈永福', level: 'township', organization: '妙皇乡个体工商户', phone: '13907720107' },
];

const demoDepartments = [
  '象州县住房和城乡建设局',
  '来宾市象州生态环境局',
  '象州县农业农村局',
  '象州县市场监督管理局',
  '象州县应急管理局',
  '象州县人力资源和社会保障局',
  '象州县交通运输局',
  '象州县妙皇乡人民政府',
];

/** Builds the demo station with fresh ids; `now` is the ISO time the records are stamped with. */
export function buildTrainingStation(now: string = new Date().toISOString()): TrainingStation {
  const countyId = newId();
  const stationId = newId();
  const station: Station = {
    id: stationId,
    countyId,
    createdAt: now,
    updatedAt: now,
    countyName: '象州县',
    countyShortName: '象州',
    townshipId: newId(),
    townshipName: '妙皇乡',
    name: '妙皇乡人大代表履职活动中心',
    shortName: '妙皇',
    kind: 'activityCenter',
    isDemonstration: true,
    belt: '象州县示范带',
    address: '象州县妙皇乡政府大院综合楼一楼',
  };
  const representatives = demoRepresentatives.map(
    (r): Representative => ({
      id: newId(),
      countyId,
      createdAt: now,
      updatedAt: now,
      stationId,
      name: r.name,
      level: r.level,
      organization: r.organization,
      phone: r.phone,
      active: true,
    }),
  );
  const departments = demoDepartments.map(
    (name): Department => ({ id: newId(), countyId, createdAt: now, updatedAt: now, name, active: true }),
  );
  return { station, representatives, departments };
}
