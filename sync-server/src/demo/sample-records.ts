// Demo station records for 象州县 (reception days, opinions, mediation cases, activities): built through the shared
// lifecycles from a reference date, validated, and stored with fixed ids so that loading twice writes nothing new.
import type { Activity } from '../../../src-shared/activity/activity';
import type { SyncedCollection } from '../../../src-shared/api/sync-protocol';
import type { StationRecord } from '../../../src-shared/common/document';
import { type Actor, applyCommand, type Command, type Lifecycle } from '../../../src-shared/common/lifecycle';
import { datePattern } from '../../../src-shared/common/schema-parts';
import type { MediationCase, MediationCaseStatus } from '../../../src-shared/mediation-case/mediation-case';
import {
  type MediationCaseAction,
  mediationCaseLifecycle,
} from '../../../src-shared/mediation-case/mediation-case-lifecycle';
import {
  type Opinion,
  type OpinionCategory,
  type OpinionSource,
  type ReplyClass,
  type Satisfaction,
  withReceivedAtDesc,
} from '../../../src-shared/opinion/opinion';
import { type OpinionAction, opinionLifecycle } from '../../../src-shared/opinion/opinion-lifecycle';
import type { ReceptionDay } from '../../../src-shared/reception-day/reception-day';
import { receptionDayLifecycle } from '../../../src-shared/reception-day/reception-day-lifecycle';
import { validateDocument } from '../../../src-shared/validation/validate';
import type { DocumentWrite, Store } from '../store/store';
import { buildDemoData } from './demo-data';

export const SAMPLE_COUNTY_ID = 'xiangzhou';
const sampleStationIds = ['st-xiangzhou-miaohuang', 'st-xiangzhou-xiangzhouzhen', 'st-xiangzhou-miaohuang-v1'];

/** A sample record that does not pass the shared schema: the demo refuses to load any of them. */
export class InvalidSampleRecord extends Error {
  readonly code = 'invalid_sample_record';
}

export interface SampleRecords {
  receptionDays: ReceptionDay[];
  opinions: Opinion[];
  mediationCases: MediationCase[];
  activities: Activity[];
}

export interface SampleSummary {
  receptionDays: number;
  opinions: number;
  mediationCases: number;
  activities: number;
  /** Documents actually written by this run; 0 on a repeated run with the same reference date. */
  written: number;
}

const clerk: Actor = { name: '测试文书（演示）', role: 'station' };
const countyStaff: Actor = { name: '测试干事（县人大常委会）', role: 'county' };
const DAY_MS = 86_400_000;

/** Calendar helpers on the reference day in Beijing time (UTC+8), so "today" matches the reports' default period. */
class Calendar {
  private readonly base: number;
  constructor(reference: Date) {
    const beijing = new Date(reference.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
    this.base = Date.parse(`${beijing}T00:00:00.000Z`);
  }
  /** 'YYYY-MM-DD' `offset` days from the reference day (negative = past). */
  date(offset: number): string {
    return new Date(this.base + offset * DAY_MS).toISOString().slice(0, 10);
  }
  /** ISO timestamp on that day at `hour` Beijing time. */
  at(offset: number, hour: number): string {
    return new Date(this.base + offset * DAY_MS + (hour - 8) * 3_600_000).toISOString();
  }
}

/** Applies the commands in order, with deterministic history entry ids (`<record id>-h<n>`). */
function run<S extends string, A extends string, R extends StationRecord & { status: S }, Q extends string>(
  lifecycle: Lifecycle<S, A, R, Q>,
  start: R,
  steps: readonly { command: Command<A, R>; actor: Actor; at: string }[],
): R {
  return steps.reduce(
    (record, step) =>
      applyCommand(lifecycle, record, step.command, step.actor, step.at, `${start.id}-h${record.history.length + 1}`),
    start,
  );
}

function stationsOf() {
  const data = buildDemoData();
  return sampleStationIds.map((id) => {
    const station = data.stations.find((s) => s.id === id);
    if (!station) throw new Error(`演示数据中缺少联络站 ${id}，请检查 demo-data.ts`);
    return {
      station,
      representatives: data.representatives.filter((r) => r.stationId === id).map((r) => r.id),
    };
  });
}

function receptionDays(cal: Calendar): ReceptionDay[] {
  const days: ReceptionDay[] = [];
  stationsOf().forEach(({ station, representatives }, si) => {
    const reps = representatives.slice(0, 2);
    const place = `${station.name}接待室`;
    // Monthly days in the past (held; one cancelled), and one planned ahead.
    const offsets = [-110, -80, -50, -20].map((o) => o + si * 3);
    offsets.forEach((offset, i) => {
      const id = `demo-rd-xz${si + 1}-${i + 1}`;
      const base: ReceptionDay = {
        id,
        countyId: station.countyId,
        stationId: station.id,
        createdAt: cal.at(offset - 10, 10),
        updatedAt: cal.at(offset - 10, 10),
        history: [],
        date: cal.date(offset),
        startTime: '09:00',
        endTime: '12:00',
        place,
        representativeIds: reps,
        topic: ['农村人居环境整治', '农田水利与灌溉', '就业和社会保障', '乡村道路与出行安全'][i] ?? '群众接待',
        status: 'planned',
      };
      const cancelled = si === 2 && i === 1;
      days.push(
        run(receptionDayLifecycle, base, [
          cancelled
            ? {
                command: { action: 'cancel', payload: { cancelReason: '气象部门发布暴雨橙色预警，改期举行' } },
                actor: clerk,
                at: cal.at(offset - 1, 16),
              }
            : {
                command: {
                  action: 'hold',
                  payload: {
                    presentRepresentativeIds: reps.slice(0, i % 2 === 0 ? 2 : 1),
                    visitorCount: 4 + ((i + si) % 4) * 2,
                    notes: '代表现场听取群众意见，已逐条登记，需交办的按程序提交县人大常委会。',
                  },
                },
                actor: clerk,
                at: cal.at(offset, 15),
              },
        ]),
      );
    });
    days.push({
      id: `demo-rd-xz${si + 1}-next`,
      countyId: station.countyId,
      stationId: station.id,
      createdAt: cal.at(-3, 10),
      updatedAt: cal.at(-3, 10),
      history: [],
      date: cal.date(10 + si * 2),
      startTime: '09:00',
      endTime: '11:30',
      place,
      representativeIds: reps,
      topic: '年度民生实事项目意见征集',
      status: 'planned',
    });
  });
  return days;
}

type OpinionPlot =
  | { kind: 'submitted' | 'accepted' | 'answeredOnSite' | 'rejected' }
  | { kind: 'assigned'; overdue?: boolean }
  | { kind: 'replied'; class: ReplyClass }
  | { kind: 'rated' | 'closed'; class: ReplyClass; satisfaction: Satisfaction };

interface OpinionSeed {
  daysAgo: number;
  category: OpinionCategory;
  source: OpinionSource;
  title: string;
  content: string;
  /** Index into the county's departments (demo-data.ts departmentNames). */
  department: number;
  plot: OpinionPlot;
}

const A = (kind: 'rated' | 'closed', satisfaction: Satisfaction = 'satisfied', cls: ReplyClass = 'A'): OpinionPlot => ({
  kind,
  class: cls,
  satisfaction,
});

const opinionSeeds: OpinionSeed[] = [
  {
    daysAgo: 118,
    category: 'ruralRevitalization',
    source: 'receptionDay',
    title: '古德村至县道路段路面破损',
    content: '古德村通往县道约两公里路段坑洼较多，雨天积水，摩托车和农用车通行困难，希望尽快修复。',
    department: 1,
    plot: A('closed'),
  },
  {
    daysAgo: 115,
    category: 'pollution',
    source: 'visit',
    title: '养殖场污水直排水沟',
    content: '村北一处生猪养殖场污水未经处理排入灌溉水沟，气味大，影响下游稻田。',
    department: 9,
    plot: A('closed', 'basicallySatisfied'),
  },
  {
    daysAgo: 112,
    category: 'cityAppearance',
    source: 'walkIn',
    title: '集镇路口流动摊贩占道',
    content: '集镇十字路口圩日流动摊贩占道经营，车辆和行人拥堵，存在安全隐患。',
    department: 5,
    plot: A('closed', 'satisfied', 'B'),
  },
  {
    daysAgo: 108,
    category: 'ruralRevitalization',
    source: 'receptionDay',
    title: '砂糖橘销售渠道少',
    content: '今年砂糖橘产量增加但收购价偏低，希望帮助对接电商平台和外地客商。',
    department: 2,
    plot: A('closed'),
  },
  {
    daysAgo: 104,
    category: 'foodDrug',
    source: 'walkIn',
    title: '学校周边小卖部售卖“三无”零食',
    content: '镇中心小学门口两家小卖部售卖无生产日期的散装零食，家长担心孩子食品安全。',
    department: 5,
    plot: A('closed'),
  },
  {
    daysAgo: 100,
    category: 'workerRights',
    source: 'receptionDay',
    title: '工地拖欠农民工工资',
    content: '几名村民在县城某建筑工地务工，工程结束三个月仍有部分工资未结清。',
    department: 6,
    plot: A('closed', 'satisfied'),
  },
  {
    daysAgo: 97,
    category: 'publicEmergency',
    source: 'visit',
    title: '河堤部分段落出现裂缝',
    content: '运江河沙兰段河堤有几处裂缝，汛期前希望组织检查加固。',
    department: 3,
    plot: A('closed', 'basicallySatisfied', 'B'),
  },
  {
    daysAgo: 94,
    category: 'other',
    source: 'receptionDay',
    title: '村卫生室缺少常用药品',
    content: '村卫生室降压药、降糖药经常断供，老年人需到镇上购买，很不方便。',
    department: 7,
    plot: A('closed'),
  },
  {
    daysAgo: 90,
    category: 'ruralRevitalization',
    source: 'app',
    title: '机耕路需要硬化',
    content: '大樟村屯级机耕路为泥土路，甘蔗收获季节运输车辆经常陷车，建议硬化。',
    department: 2,
    plot: A('rated', 'satisfied', 'B'),
  },
  {
    daysAgo: 86,
    category: 'pollution',
    source: 'walkIn',
    title: '垃圾收集点清运不及时',
    content: '村口垃圾收集点一周才清运一次，夏天蚊蝇多、气味大。',
    department: 9,
    plot: A('rated', 'satisfied'),
  },
  {
    daysAgo: 82,
    category: 'cityAppearance',
    source: 'receptionDay',
    title: '路灯损坏无人维修',
    content: '镇区新街有六盏路灯损坏一个多月，夜间出行不安全。',
    department: 0,
    plot: A('rated', 'unsatisfied', 'C'),
  },
  {
    daysAgo: 78,
    category: 'other',
    source: 'visit',
    title: '小学教室漏雨',
    content: '村小学两间教室屋顶漏雨，下雨天学生只能挤在一间教室上课。',
    department: 8,
    plot: A('rated', 'basicallySatisfied', 'B'),
  },
  {
    daysAgo: 74,
    category: 'ruralRevitalization',
    source: 'receptionDay',
    title: '灌溉水渠淤塞',
    content: '龙女村主干水渠多处淤塞，春耕放水到不了下游田块，请求组织清淤。',
    department: 3,
    plot: A('rated', 'satisfied'),
  },
  {
    daysAgo: 70,
    category: 'workerRights',
    source: 'app',
    title: '返乡人员希望参加技能培训',
    content: '部分返乡青年希望参加电工、焊工等技能培训，询问报名渠道和补贴政策。',
    department: 6,
    plot: A('rated', 'satisfied'),
  },
  {
    daysAgo: 66,
    category: 'ruralRevitalization',
    source: 'receptionDay',
    title: '高标准农田建设后排水不畅',
    content: '去年建设的高标准农田部分田块排水沟偏高，雨后积水，影响晚稻种植。',
    department: 2,
    plot: { kind: 'assigned', overdue: true },
  },
  {
    daysAgo: 62,
    category: 'publicEmergency',
    source: 'visit',
    title: '山体滑坡隐患点未设警示',
    content: '石龙镇新村村后山去年汛期有小规模滑坡，至今未设警示牌和监测设施。',
    department: 4,
    plot: { kind: 'assigned', overdue: true },
  },
  {
    daysAgo: 58,
    category: 'foodDrug',
    source: 'walkIn',
    title: '农村宴席厨师未体检',
    content: '村里办酒席请的流动厨师没有健康证，希望加强农村集体聚餐管理。',
    department: 5,
    plot: { kind: 'replied', class: 'A' },
  },
  {
    daysAgo: 55,
    category: 'pollution',
    source: 'receptionDay',
    title: '石场粉尘影响村民生活',
    content: '村旁采石场作业粉尘大，附近农户晾晒衣物和庄稼受影响。',
    department: 9,
    plot: { kind: 'replied', class: 'B' },
  },
  {
    daysAgo: 52,
    category: 'cityAppearance',
    source: 'walkIn',
    title: '县城老旧小区缺少停车位',
    content: '老旧小区车辆乱停乱放，消防通道经常被占用，建议改造时增设停车位。',
    department: 0,
    plot: { kind: 'replied', class: 'C' },
  },
  {
    daysAgo: 49,
    category: 'ruralRevitalization',
    source: 'receptionDay',
    title: '农村客运班次减少',
    content: '妙皇至县城的客运班车由每天六班减为三班，老人学生出行不便。',
    department: 1,
    plot: { kind: 'replied', class: 'B' },
  },
  {
    daysAgo: 46,
    category: 'other',
    source: 'app',
    title: '村级幼儿园师资不足',
    content: '村幼儿园只有两名老师照看四十多名幼儿，希望补充师资。',
    department: 8,
    plot: { kind: 'replied', class: 'C' },
  },
  {
    daysAgo: 43,
    category: 'workerRights',
    source: 'receptionDay',
    title: '灵活就业人员参保咨询',
    content: '多名群众反映不清楚灵活就业人员如何缴纳养老保险，希望到村开展政策宣讲。',
    department: 6,
    plot: { kind: 'replied', class: 'A' },
  },
  {
    daysAgo: 24,
    category: 'ruralRevitalization',
    source: 'receptionDay',
    title: '甘蔗收购过磅排队时间长',
    content: '榨季期间糖厂收购点过磅排队常常超过一天，希望增设过磅点或实行预约。',
    department: 2,
    plot: { kind: 'assigned' },
  },
  {
    daysAgo: 21,
    category: 'publicEmergency',
    source: 'visit',
    title: '村内池塘无防护栏',
    content: '村中心池塘紧邻小学上学路，没有护栏和警示标志，存在儿童溺水风险。',
    department: 3,
    plot: { kind: 'assigned' },
  },
  {
    daysAgo: 19,
    category: 'pollution',
    source: 'walkIn',
    title: '秸秆焚烧烟雾大',
    content: '收割后部分田块焚烧秸秆，烟雾影响村民和过往车辆。',
    department: 9,
    plot: { kind: 'assigned' },
  },
  {
    daysAgo: 17,
    category: 'cityAppearance',
    source: 'receptionDay',
    title: '农贸市场排水沟堵塞',
    content: '镇农贸市场排水沟堵塞，污水漫到过道，希望疏通并加盖板。',
    department: 0,
    plot: { kind: 'assigned' },
  },
  {
    daysAgo: 14,
    category: 'foodDrug',
    source: 'app',
    title: '药店处方药销售不规范',
    content: '有药店不凭处方销售抗生素，建议加强检查。',
    department: 5,
    plot: { kind: 'accepted' },
  },
  {
    daysAgo: 12,
    category: 'ruralRevitalization',
    source: 'receptionDay',
    title: '希望发展林下养殖项目',
    content: '村民希望了解林下养鸡的扶持政策和技术指导。',
    department: 2,
    plot: { kind: 'accepted' },
  },
  {
    daysAgo: 10,
    category: 'other',
    source: 'walkIn',
    title: '村文化室设施陈旧',
    content: '村文化活动室桌椅和音响设备老化，群众文体活动开展困难。',
    department: 8,
    plot: { kind: 'accepted' },
  },
  {
    daysAgo: 9,
    category: 'workerRights',
    source: 'visit',
    title: '企业未按规定缴纳工伤保险',
    content: '某砖厂工人反映企业未给员工购买工伤保险，受伤后费用自理。',
    department: 6,
    plot: { kind: 'accepted' },
  },
  {
    daysAgo: 6,
    category: 'publicEmergency',
    source: 'receptionDay',
    title: '村道急弯缺少反光镜',
    content: '村道两处急弯视线差，近期发生过两起擦碰事故，建议安装广角镜。',
    department: 1,
    plot: { kind: 'submitted' },
  },
  {
    daysAgo: 5,
    category: 'pollution',
    source: 'app',
    title: '河道漂浮垃圾较多',
    content: '运江河部分河段水面漂浮塑料垃圾，希望增加保洁频次。',
    department: 9,
    plot: { kind: 'submitted' },
  },
  {
    daysAgo: 3,
    category: 'ruralRevitalization',
    source: 'walkIn',
    title: '农村危房改造申请进度',
    content: '群众询问去年提交的危房改造申请何时审批，目前房屋墙体开裂。',
    department: 0,
    plot: { kind: 'submitted' },
  },
  {
    daysAgo: 2,
    category: 'cityAppearance',
    source: 'receptionDay',
    title: '公交站台缺少遮雨棚',
    content: '县城至象州镇线路沿途几个站台没有遮雨棚，雨天候车困难。',
    department: 1,
    plot: { kind: 'submitted' },
  },
  {
    daysAgo: 96,
    category: 'other',
    source: 'receptionDay',
    title: '咨询医保报销比例',
    content: '群众咨询在县医院住院的医保报销比例和异地就医备案办法。',
    department: 7,
    plot: { kind: 'answeredOnSite' },
  },
  {
    daysAgo: 72,
    category: 'ruralRevitalization',
    source: 'receptionDay',
    title: '咨询种粮补贴发放时间',
    content: '群众询问今年耕地地力保护补贴什么时候发放。',
    department: 2,
    plot: { kind: 'answeredOnSite' },
  },
  {
    daysAgo: 40,
    category: 'workerRights',
    source: 'walkIn',
    title: '咨询失业登记办理地点',
    content: '群众询问在哪里办理失业登记和领取失业保险金需要哪些材料。',
    department: 6,
    plot: { kind: 'answeredOnSite' },
  },
  {
    daysAgo: 15,
    category: 'other',
    source: 'receptionDay',
    title: '咨询老年人优待证办理',
    content: '群众询问六十五岁以上老年人优待证的办理条件和地点。',
    department: 7,
    plot: { kind: 'answeredOnSite' },
  },
  {
    daysAgo: 88,
    category: 'other',
    source: 'walkIn',
    title: '要求调解个人借贷纠纷',
    content: '群众要求联络站出面追讨亲戚借款两万元，双方无书面借条。',
    department: 0,
    plot: { kind: 'rejected' },
  },
  {
    daysAgo: 35,
    category: 'other',
    source: 'app',
    title: '对法院已生效判决不服',
    content: '群众对法院已作出的生效民事判决不服，要求人大改变判决结果。',
    department: 0,
    plot: { kind: 'rejected' },
  },
];

const rejectionReasons = [
  '属于民间借贷纠纷，已告知当事人可申请人民调解或向人民法院起诉，不属于交办范围',
  '涉及已生效的司法裁判，已告知当事人依法申请再审或申诉，人大不直接改变裁判结果',
];
const onSiteAnswers = [
  '代表现场解读了县城乡居民医保报销政策，并告知异地就医可通过国家医保服务平台备案。',
  '已告知群众补贴由乡镇财政所核实面积后统一打卡发放，预计本月内到账。',
  '已告知群众到县人社局公共就业服务窗口或乡镇劳动保障所办理，并列出所需材料。',
  '已告知群众携带身份证到所在乡镇民政办申领，可当场办理。',
];
const replyTexts: Record<ReplyClass, string> = {
  A: '经现场核查，问题属实，已组织整改完毕，并将落实情况告知反映人。',
  B: '已列入本年度工作计划，正在组织实施，预计下季度完成，完成后将回复反映人。',
  C: '经研究，因资金和规划条件限制暂不能解决，已向反映人说明原因，条件成熟时优先安排。',
};
const visitorNames = ['甲', '乙', '丙', '丁', '戊', '己', '庚', '辛', '壬', '癸'];

function opinions(cal: Calendar): Opinion[] {
  const stations = stationsOf();
  const departments = buildDemoData()
    .departments.filter((d) => d.countyId === SAMPLE_COUNTY_ID)
    .map((d) => d.id);
  return opinionSeeds.map((seed, i) => {
    const entry = stations[i % stations.length];
    if (!entry) throw new Error('演示联络站不足');
    const { station, representatives } = entry;
    const lead = departments[seed.department % departments.length] ?? '';
    const assisting = seed.department === 0 ? [] : [departments[(seed.department + 1) % departments.length] ?? ''];
    const d = -seed.daysAgo;
    const n = String(i + 1).padStart(2, '0');
    const base: Opinion = withReceivedAtDesc({
      id: `demo-op-xiangzhou-${n}`,
      countyId: station.countyId,
      stationId: station.id,
      createdAt: cal.at(d, 10),
      updatedAt: cal.at(d, 10),
      history: [],
      receivedAt: cal.at(d, 10),
      representativeId:
        seed.source === 'walkIn' ? '' : (representatives[i % Math.max(1, representatives.length)] ?? ''),
      source: seed.source,
      category: seed.category,
      title: seed.title,
      content: seed.content,
      visitor: {
        name: `测试${visitorNames[i % visitorNames.length]}${Math.floor(i / visitorNames.length) + 1}`,
        phone: `139 0000 ${String(i + 1).padStart(4, '0')}`,
        address: `${station.townshipName}（演示地址）`,
      },
      status: 'recorded',
    });
    type Step = { command: Command<OpinionAction, Opinion>; actor: Actor; at: string };
    const steps: Step[] = [];
    const plot = seed.plot;
    if (plot.kind === 'answeredOnSite') {
      steps.push({
        command: { action: 'answerOnSite', payload: { onSiteAnswer: onSiteAnswers[i % onSiteAnswers.length] ?? '' } },
        actor: clerk,
        at: cal.at(d, 11),
      });
      return run(opinionLifecycle, base, steps);
    }
    steps.push({ command: { action: 'submit' }, actor: clerk, at: cal.at(d, 16) });
    if (plot.kind === 'rejected') {
      steps.push({
        command: { action: 'reject', payload: { rejectionReason: rejectionReasons[i % 2] ?? '' } },
        actor: countyStaff,
        at: cal.at(d + 1, 10),
      });
      return run(opinionLifecycle, base, steps);
    }
    if (plot.kind === 'submitted') return run(opinionLifecycle, base, steps);
    steps.push({ command: { action: 'accept' }, actor: countyStaff, at: cal.at(d + 1, 10) });
    if (plot.kind === 'accepted') return run(opinionLifecycle, base, steps);
    // Deadlines: 30 days after assignment; the overdue ones got 20 days and have no reply yet.
    const overdue = plot.kind === 'assigned' && plot.overdue === true;
    steps.push({
      command: {
        action: 'assign',
        payload: {
          assignment: {
            leadDepartmentId: lead,
            assistingDepartmentIds: assisting,
            deadline: cal.date(d + 2 + (overdue ? 20 : 30)),
          },
        },
      },
      actor: countyStaff,
      at: cal.at(d + 2, 11),
    });
    if (!('class' in plot)) return run(opinionLifecycle, base, steps);
    steps.push({
      command: {
        action: 'reply',
        payload: { reply: { class: plot.class, text: replyTexts[plot.class], repliedOn: cal.date(d + 14) } },
      },
      actor: countyStaff,
      at: cal.at(d + 14, 15),
    });
    if (!('satisfaction' in plot)) return run(opinionLifecycle, base, steps);
    steps.push({
      command: {
        action: 'rate',
        payload: {
          satisfaction: plot.satisfaction,
          ...(plot.satisfaction === 'unsatisfied' ? { ratingNote: '群众认为答复未解决实际问题，希望再次督办' } : {}),
        },
      },
      actor: clerk,
      at: cal.at(d + 17, 10),
    });
    if (plot.kind === 'closed') {
      steps.push({
        command: { action: 'close', payload: { closingNote: '已回访反映人，办理情况已存档' } },
        actor: countyStaff,
        at: cal.at(d + 20, 16),
      });
    }
    return run(opinionLifecycle, base, steps);
  });
}

function mediationCases(cal: Calendar): MediationCase[] {
  const stations = stationsOf();
  const plans: { station: number; daysAgo: number; to: MediationCaseStatus; type: MediationCase['disputeType'] }[] = [
    { station: 0, daysAgo: 100, to: 'performed', type: 'landForest' },
    { station: 1, daysAgo: 70, to: 'failed', type: 'labour' },
    { station: 0, daysAgo: 45, to: 'agreed', type: 'neighbour' },
    { station: 2, daysAgo: 25, to: 'mediating', type: 'family' },
    { station: 1, daysAgo: 8, to: 'mediating', type: 'contract' },
  ];
  const facts: Record<string, string> = {
    landForest: '申请人与被申请人因两家承包林地交界处约三亩桉树林的权属发生争执，申请人请求确认界线。',
    labour: '申请人在被申请人经营的木材加工厂务工八个月，离职后被拖欠工资一万二千元，请求支付。',
    neighbour: '被申请人新建房屋的排水管直通申请人院墙，雨天污水流入申请人院内，申请人请求改管。',
    family: '双方为母子关系，申请人年过七十，请求被申请人按月支付赡养费并分担医疗费用。',
    contract: '申请人向被申请人购买甘蔗种苗，交付后发芽率不足五成，申请人请求退还部分货款。',
  };
  const sequence = new Map<string, number>();
  return plans.map((plan, i) => {
    const entry = stations[plan.station];
    if (!entry) throw new Error('演示联络站不足');
    const { station, representatives } = entry;
    const d = -plan.daysAgo;
    const registeredOn = cal.date(d);
    const key = `${station.id}-${registeredOn.slice(0, 4)}`;
    const seq = (sequence.get(key) ?? 0) + 1;
    sequence.set(key, seq);
    const id = `demo-mc-xiangzhou-${String(i + 1).padStart(2, '0')}`;
    const applicant = `测试申请人${i + 1}`;
    const respondent = `测试被申请人${i + 1}`;
    const base: MediationCase = {
      id,
      countyId: station.countyId,
      stationId: station.id,
      createdAt: cal.at(d, 10),
      updatedAt: cal.at(d, 10),
      history: [],
      caseNumber: `${station.countyShortName}-${station.shortName}-${registeredOn.slice(0, 4)}-${String(seq).padStart(4, '0')}`,
      registeredOn,
      source: i % 2 === 0 ? 'visitorRequest' : 'representativeFound',
      disputeType: plan.type,
      parties: [
        { name: applicant, role: 'applicant', phone: `139 0000 ${String(101 + i * 2).padStart(4, '0')}` },
        { name: respondent, role: 'respondent', phone: `139 0000 ${String(102 + i * 2).padStart(4, '0')}` },
      ],
      facts: facts[plan.type] ?? '',
      participants: [
        { name: '测试调解员', role: 'mediator' },
        ...(representatives[0]
          ? [{ name: '联络站代表', role: 'representative' as const, representativeId: representatives[0] }]
          : []),
        { name: '测试村干部', role: 'villageCadre' },
      ],
      sessions: [
        {
          id: `${id}-s1`,
          date: cal.date(d + 3),
          place: `${station.name}调解室`,
          attendees: [applicant, respondent, '测试调解员'],
          notes: '听取双方陈述，释明相关法律规定，双方同意继续协商。',
        },
      ],
      status: 'registered',
      followUps: [],
    };
    type Step = { command: Command<MediationCaseAction, MediationCase>; actor: Actor; at: string };
    const steps: Step[] = [{ command: { action: 'startMediation' }, actor: clerk, at: cal.at(d + 1, 9) }];
    const agreement = {
      facts: facts[plan.type] ?? '',
      disputeItems: plan.type === 'landForest' ? '林地东侧交界线位置' : '排水管走向及改造费用承担',
      responsibilities: '双方均有沟通不足的责任，各自承担相应费用。',
      agreedContent:
        plan.type === 'landForest'
          ? '以二〇〇八年林权登记图界线为准，由村委会组织现场埋设界桩，双方不再争执。'
          : '被申请人将排水管改至自家院内排水沟，改造费用由被申请人承担，申请人配合施工。',
      performanceMethod: '当事人自行履行，村委会和联络站现场见证。',
      performanceDeadline: cal.date(d + 40),
      signedOn: cal.date(d + 10),
    };
    if (plan.to === 'agreed' || plan.to === 'performed') {
      steps.push({
        command: { action: 'agree', payload: { agreement, outcome: '经调解双方自愿达成协议，签订人民调解协议书。' } },
        actor: clerk,
        at: cal.at(d + 10, 16),
      });
    }
    if (plan.to === 'performed') {
      steps.push({
        command: {
          action: 'perform',
          payload: {
            performedOn: cal.date(d + 30),
            followUps: [
              { id: `${id}-f1`, date: cal.date(d + 35), note: '回访双方，界桩已埋设，双方对履行情况无异议。' },
            ],
          },
        },
        actor: clerk,
        at: cal.at(d + 35, 15),
      });
    }
    if (plan.to === 'failed') {
      steps.push({
        command: {
          action: 'fail',
          payload: {
            failureReason: '双方对欠薪数额分歧较大，经两次调解未能达成一致。',
            referral: { kind: 'arbitration', note: '已告知申请人向县劳动人事争议仲裁委员会申请仲裁。' },
            outcome: '调解不成，引导申请仲裁。',
          },
        },
        actor: clerk,
        at: cal.at(d + 12, 16),
      });
    }
    return run(mediationCaseLifecycle, base, steps);
  });
}

function activities(cal: Calendar, days: readonly ReceptionDay[]): Activity[] {
  const list: Activity[] = [];
  stationsOf().forEach(({ station, representatives }, si) => {
    const prefix = `demo-ac-xz${si + 1}`;
    const common = { countyId: station.countyId, stationId: station.id, history: [] };
    const add = (
      key: string,
      offset: number,
      rest: Omit<Activity, keyof typeof common | 'id' | 'createdAt' | 'updatedAt'>,
    ) =>
      list.push({
        id: `${prefix}-${key}`,
        ...common,
        createdAt: cal.at(offset, 18),
        updatedAt: cal.at(offset, 18),
        ...rest,
      });
    add('training', -95 + si, {
      type: 'training',
      date: cal.date(-95 + si),
      title: '代表履职能力学习培训',
      place: `${station.name}会议室`,
      representativeIds: representatives,
      participantCount: 12 + si * 3,
      summary: '学习代表法和自治区代表工作条例，交流接待群众经验。',
    });
    add('deliberation', -60 + si, {
      type: 'deliberationDay',
      date: cal.date(-60 + si),
      title: '代表议政日：农村人居环境整治',
      place: `${station.name}会议室`,
      representativeIds: representatives.slice(0, 3),
      participantCount: 18,
      summary: '代表与乡镇干部、群众代表座谈，形成意见三条。',
    });
    add('inspection', -38 + si, {
      type: 'inspection',
      date: cal.date(-38 + si),
      title: '调研视察农村饮水安全工程',
      place: station.townshipName,
      representativeIds: representatives.slice(0, 2),
      participantCount: 8,
    });
    for (const day of days) {
      if (day.stationId !== station.id || day.status !== 'held') continue;
      list.push({
        id: `${prefix}-reception-${day.id.split('-').pop() ?? ''}`,
        ...common,
        createdAt: day.updatedAt,
        updatedAt: day.updatedAt,
        type: 'reception',
        date: day.date,
        title: `代表接待日：${day.topic ?? '集中接待群众'}`,
        place: day.place,
        representativeIds: day.presentRepresentativeIds ?? day.representativeIds,
        participantCount: day.visitorCount ?? 0,
        receptionDayId: day.id,
      });
    }
  });
  return list;
}

/** The reference instant for a 'YYYY-MM-DD' day (noon in Beijing, so records fall on that calendar day), or null. */
export function sampleReferenceOf(day: string): Date | null {
  if (!new RegExp(datePattern).test(day)) return null;
  const reference = new Date(`${day}T04:00:00.000Z`);
  return reference.toISOString().slice(0, 10) === day ? reference : null;
}

/** Builds the sample records for `reference` (pure: the same reference date gives the same documents). */
export function buildSampleRecords(reference: Date): SampleRecords {
  const cal = new Calendar(reference);
  const days = receptionDays(cal);
  return {
    receptionDays: days,
    opinions: opinions(cal),
    mediationCases: mediationCases(cal),
    activities: activities(cal, days),
  };
}

/** Checks each document against the shared schema; throws InvalidSampleRecord listing the first problems. */
function writesOf(collection: SyncedCollection, docs: readonly StationRecord[]): DocumentWrite[] {
  return docs.map((doc) => {
    const body = { ...doc } as unknown as Record<string, unknown>;
    const { errors } = validateDocument(collection, body);
    if (errors.length > 0) {
      const detail = errors.map((e) => `${e.field || '(记录)'}: ${e.message}`).join('；');
      throw new InvalidSampleRecord(`演示记录 ${collection} ${doc.id} 不符合数据格式，未载入任何记录：${detail}`);
    }
    // As the push path stores a station record: its station and county, not deleted, the body as sent.
    return { id: doc.id, stationId: doc.stationId, countyId: doc.countyId, deleted: false, body };
  });
}

/** Loads the sample records (all validated before anything is written); unchanged documents are not rewritten. */
export async function loadSampleRecords(store: Store, reference: Date): Promise<SampleSummary> {
  const records = buildSampleRecords(reference);
  const batches: [SyncedCollection, StationRecord[]][] = [
    ['receptionDays', records.receptionDays],
    ['opinions', records.opinions],
    ['mediationCases', records.mediationCases],
    ['activities', records.activities],
  ];
  const writes = batches.map(([collection, docs]) => [collection, writesOf(collection, docs)] as const);
  let written = 0;
  for (const [collection, batch] of writes) written += (await store.upsertDocuments(collection, batch)).length;
  return {
    receptionDays: records.receptionDays.length,
    opinions: records.opinions.length,
    mediationCases: records.mediationCases.length,
    activities: records.activities.length,
    written,
  };
}
