import fs from 'node:fs';

/** Written beside the target and renamed, so a failed write never leaves half a file under its name. */
export function writeFileAtomically(file: string, data: Buffer): void {
  const temp = `${file}.${process.pid}.part`;
  try {
    fs.writeFileSync(temp, data);
    fs.renameSync(temp, file);
  } finally {
    fs.rmSync(temp, { force: true });
  }
}
