// Demo reference data for Laibin: six county areas, townships, stations of all kinds, representatives, departments.
// Ids are deterministic, so running `demo` again changes nothing (unchanged documents keep their seq).
import type { Department } from '../../../src-shared/department/department';
import type { Representative, RepresentativeLevel } from '../../../src-shared/representative/representative';
import type { Station, StationKind } from '../../../src-shared/station/station';
import type { County, Township } from '../store/store';

/** A fixed time, so demo documents are byte-identical from one run to the next. */
const demoTime = '2026-01-05T08:00:00.000Z';

/** Password of every demo staff account (`staff-<county id>`); for demonstrations only. */
export const demoStaffPassword = 'laibin-demo-2026';

interface DemoTownship {
  key: string;
  name: string;
  /** Short name used in case numbers. */
  short: string;
  villages: string[];
}

interface DemoCounty {
  id: string;
  name: string;
  short: string;
  townships: DemoTownship[];
  professional: string;
}

const demoCounties: DemoCounty[] = [
  {
    id: 'xingbin',
    name: '兴宾区',
    short: '兴宾',
    professional: '法律',
    townships: [
      { key: 'chengdong', name: '城东街道', short: '城东', villages: ['东风社区', '长梅村'] },
      { key: 'fenghuang', name: '凤凰镇', short: '凤凰', villages: ['凤凰村', '龙旺村'] },
      { key: 'qianjiang', name: '迁江镇', short: '迁江', villages: ['古塘村'] },
      { key: 'xiaoping', name: '小平阳镇', short: '小平阳', villages: ['三利村'] },
    ],
  },
  {
    id: 'heshan',
    name: '合山市',
    short: '合山',
    professional: '产业工人',
    townships: [
      { key: 'lingnan', name: '岭南镇', short: '岭南', villages: ['溯河村', '马鞍村'] },
      { key: 'beisi', name: '北泗镇', short: '北泗', villages: ['北泗村'] },
      { key: 'heli', name: '河里镇', short: '河里', villages: ['河里村'] },
    ],
  },
  {
    id: 'xiangzhou',
    name: '象州县',
    short: '象州',
    professional: '农业',
    townships: [
      { key: 'xiangzhouzhen', name: '象州镇', short: '象州镇', villages: ['龙女村', '沙兰村'] },
      { key: 'miaohuang', name: '妙皇乡', short: '妙皇', villages: ['古德村', '大樟村'] },
      { key: 'shilong', name: '石龙镇', short: '石龙', villages: ['新村村'] },
      { key: 'yunjiang', name: '运江镇', short: '运江', villages: ['运江村'] },
    ],
  },
  {
    id: 'wuxuan',
    name: '武宣县',
    short: '武宣',
    professional: '民营企业',
    townships: [
      { key: 'wuxuanzhen', name: '武宣镇', short: '武宣镇', villages: ['城南社区', '朗村'] },
      { key: 'tongling', name: '桐岭镇', short: '桐岭', villages: ['桐岭村'] },
      { key: 'ertang', name: '二塘镇', short: '二塘', villages: ['樟村'] },
    ],
  },
  {
    id: 'xincheng',
    name: '忻城县',
    short: '忻城',
    professional: '生态环保',
    townships: [
      { key: 'chengguan', name: '城关镇', short: '城关', villages: ['加禄村', '板河村'] },
      { key: 'datang', name: '大塘镇', short: '大塘', villages: ['大塘村'] },
      { key: 'silian', name: '思练镇', short: '思练', villages: ['思练村'] },
    ],
  },
  {
    id: 'jinxiu',
    name: '金秀瑶族自治县',
    short: '金秀',
    professional: '民族团结',
    townships: [
      { key: 'jinxiuzhen', name: '金秀镇', short: '金秀镇', villages: ['六段村', '共和村'] },
      { key: 'tongmu', name: '桐木镇', short: '桐木', villages: ['那马村'] },
      { key: 'toupai', name: '头排镇', short: '头排', villages: ['头排村'] },
    ],
  },
];

const departmentNames = [
  '住房和城乡建设局',
  '交通运输局',
  '农业农村局',
  '水利局',
  '自然资源局',
  '市场监督管理局',
  '人力资源和社会保障局',
  '卫生健康局',
  '教育局',
  '生态环境分局',
];

const surnames = ['韦', '覃', '蓝', '莫', '黄', '陆', '梁', '潘', '廖', '蒙', '李', '陈'];
const givenNames = [
  '秀英',
  '建华',
  '志强',
  '丽萍',
  '国庆',
  '海燕',
  '文军',
  '春梅',
  '德明',
  '玉兰',
  '永福',
  '桂芳',
  '振宇',
];
const organizations: Record<RepresentativeLevel, string> = {
  national: '农业合作社理事长',
  regional: '县医院副院长',
  city: '镇农技站站长',
  county: '村党支部书记',
  township: '村民委员会主任',
};

/** The levels present at each kind of station; together they cover all five levels in every county. */
const levelsByKind: Record<StationKind, RepresentativeLevel[]> = {
  activityCenter: ['city', 'county', 'township'],
  villageStation: ['county', 'township'],
  professionalStation: ['national', 'regional', 'county'],
};

export interface DemoData {
  counties: County[];
  townships: Township[];
  stations: Station[];
  representatives: Representative[];
  departments: Department[];
  staff: { user: string; countyId: string; password: string }[];
}

function stationDoc(
  county: DemoCounty,
  township: DemoTownship,
  id: string,
  name: string,
  shortName: string,
  kind: StationKind,
  isDemonstration: boolean,
): Station {
  return {
    id,
    countyId: county.id,
    createdAt: demoTime,
    updatedAt: demoTime,
    countyName: county.name,
    countyShortName: county.short,
    townshipId: `tw-${county.id}-${township.key}`,
    townshipName: township.name,
    name,
    shortName,
    kind,
    isDemonstration,
    ...(isDemonstration ? { belt: `${county.short}示范带` } : {}),
    address: `广西壮族自治区来宾市${county.name}${township.name}`,
  };
}

/** Builds the demo data set (pure; the same every time). */
export function buildDemoData(): DemoData {
  const data: DemoData = { counties: [], townships: [], stations: [], representatives: [], departments: [], staff: [] };
  let person = 0;
  for (const county of demoCounties) {
    data.counties.push({ id: county.id, name: county.name });
    data.staff.push({ user: `staff-${county.id}`, countyId: county.id, password: demoStaffPassword });
    county.townships.forEach((township, ti) => {
      data.townships.push({ id: `tw-${county.id}-${township.key}`, countyId: county.id, name: township.name });
      const centerName = township.name.endsWith('街道')
        ? `${township.name}人大工委代表履职活动中心`
        : `${township.name}人大代表履职活动中心`;
      data.stations.push(
        stationDoc(
          county,
          township,
          `st-${county.id}-${township.key}`,
          centerName,
          township.short,
          'activityCenter',
          ti === 0,
        ),
      );
      township.villages.forEach((village, vi) => {
        const short = village.replace(/(村|社区)$/, '');
        data.stations.push(
          stationDoc(
            county,
            township,
            `st-${county.id}-${township.key}-v${vi + 1}`,
            `${village}人大代表联络站`,
            short,
            'villageStation',
            ti === 0 && vi === 0,
          ),
        );
      });
    });
    const first = county.townships[0];
    if (first) {
      data.stations.push(
        stationDoc(
          county,
          first,
          `st-${county.id}-professional`,
          `${county.name}${county.professional}专业代表联络站`,
          `${county.professional.slice(0, 4)}专业`,
          'professionalStation',
          false,
        ),
      );
    }
    departmentNames.forEach((name, i) => {
      data.departments.push({
        id: `dept-${county.id}-${String(i + 1).padStart(2, '0')}`,
        countyId: county.id,
        createdAt: demoTime,
        updatedAt: demoTime,
        name: `${county.name}${name}`,
        active: true,
      });
    });
  }
  for (const station of data.stations) {
    levelsByKind[station.kind].forEach((level, i) => {
      const name = `${surnames[person % surnames.length]}${givenNames[(person * 7) % givenNames.length]}`;
      person++;
      data.representatives.push({
        id: `rep-${station.id.slice(3)}-${i + 1}`,
        countyId: station.countyId,
        createdAt: demoTime,
        updatedAt: demoTime,
        stationId: station.id,
        name,
        level,
        organization: organizations[level],
        active: true,
      });
    });
  }
  return data;
}
