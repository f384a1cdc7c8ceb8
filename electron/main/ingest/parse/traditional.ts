/**
 * Traditional characters of the indicator vocabulary and their simplified forms, one for one: the
 * 1954 report writes `工業總産值平均每年遞增百分之三十六點九`. Only the extractor's reading copy is
 * folded (names come out simplified, comparable with later reports); passages keep their text.
 */
const PAIRS =
  '億亿萬万點点兩两餘余長长噸吨畝亩遞递減减總总額额銷销產产産产資资潤润稅税業业價价數数進进貸贷' +
  '費费漲涨國国將将較较與与預预標标爭争內内實实際际計计劃划設设區区縣县爲为為为從从達达歲岁' +
  '糧粮農农鋼钢鐵铁電电車车機机紡纺織织職职員员勞劳動动運运輸输貨货財财經经濟济發发場场廠厂礦矿' +
  '衞卫衛卫敎教學学醫医藥药積积種种類类個个們们這这來来對对關关後后過过當当還还會会時时現现應应' +
  '擧举舉举報报貿贸戶户書书準准導导鄉乡項项號号條条絲丝紙纸煙烟鹽盐麥麦蠶蚕繭茧銀银' +
  '幣币險险療疗貧贫優优質质勢势檢检驗验節节約约統统' +
  '佔占營营義义繳缴納纳選选覺觉專专參参購购買买儲储兒儿園园復复間间';

const SIMPLIFIED = new Map<string, string>();
for (let i = 0; i + 1 < PAIRS.length; i += 2) SIMPLIFIED.set(PAIRS[i]!, PAIRS[i + 1]!);
const TRADITIONAL = new RegExp(`[${[...SIMPLIFIED.keys()].join('')}]`, 'g');

/** The text with the characters above simplified; same length, same offsets. */
export function simplifyTraditional(text: string): string {
  return text.replace(TRADITIONAL, (c) => SIMPLIFIED.get(c)!);
}
