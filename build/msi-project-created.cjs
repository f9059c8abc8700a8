// electron-builder hook (msiProjectCreated): makes the generated WiX project Chinese before it is compiled.
// electron-builder writes Language 1033 with code page 65001, which shows a Chinese product name and shortcut as
// garbage on Windows (electron-userland/electron-builder#4488); Simplified Chinese is language 2052, code page 936.
const { readFile, writeFile } = require('node:fs/promises');

const replacements = [
  ['Language="1033" Codepage="65001"', 'Language="2052" Codepage="936"'],
  ['<Package Compressed="yes"', '<Package Compressed="yes" Languages="2052" SummaryCodepage="936"'],
  ['Message="Windows 7 and above is required"', 'Message="需要 Windows 7 或更高版本。"'],
  [
    `DowngradeErrorMessage='A newer version of "[ProductName]" is already installed.'`,
    `DowngradeErrorMessage='本机已安装更新版本的“[ProductName]”，无需安装旧版本。'`,
  ],
];

/** The project text, localised; throws when electron-builder's template changed, so the build fails loudly. */
function localizeMsiProject(xml) {
  let result = xml;
  for (const [from, to] of replacements) {
    if (!result.includes(from)) throw new Error(`msi-project-created: the WiX template no longer contains ${from}`);
    result = result.replace(from, to);
  }
  return result;
}

async function msiProjectCreated(projectFile) {
  await writeFile(projectFile, localizeMsiProject(await readFile(projectFile, 'utf8')), 'utf8');
}

module.exports = msiProjectCreated;
module.exports.msiProjectCreated = msiProjectCreated;
module.exports.localizeMsiProject = localizeMsiProject;
