import { accountSteps, finalUser, groupId, IdValue, userId } from '../queries/users';
import { defineRule, type Suggestion } from '../types';

/** The user Studio's own images and documentation create. */
const STUDIO_USER = 'sagemaker-user';
const UIDS = new Set([0, 1000]);
const GIDS = new Set([0, 100]);

export const studioUidGid = defineRule({
  meta: {
    id: 'studio-uid-gid',
    severity: 'error',
    basis: 'doc',
    modes: ['studio'],
    summary: 'Studio runs custom images as UID 1000 / GID 100 (or 0 / 0); the image user must have those ids.',
    source: ['DG:studio-byoi-specs', 'WEB-studio'],
    messages: {
      uid: '{who} gets UID {id}, but Studio runs custom images as UID 1000 (or 0): the app cannot start as this user, or cannot use its home directory. Use UID 1000.',
      gid: '{who} gets GID {id}, but Studio runs custom images with GID 100 (or 0). Use GID 100 (the users group).',
      pair: 'USER {user}: Studio accepts only the UID/GID pairs 1000:100 and 0:0.',
    },
  },
  check(ctx) {
    const { model } = ctx;
    const user = finalUser(model);
    const checkId = (id: IdValue | undefined, resolve: (value: string) => number | undefined, allowed: Set<number>,
      messageId: 'uid' | 'gid', who: string, wanted: string): void => {
      if (!id?.value) return;
      const value = resolve(id.value);
      if (value === undefined || allowed.has(value)) return;
      ctx.report({ messageId, range: id.word.range, data: { who, id: value }, suggestions: replaceNumber(id, wanted) });
    };
    const names = new Set([STUDIO_USER]);
    if (user?.user !== undefined && !/^\d+$/.test(user.user)) names.add(user.user);

    // The accounts Studio will run as: the final USER's, and the documented sagemaker-user.
    for (const step of accountSteps(model)) {
      if (step.tool === 'groupadd' || step.tool === 'addgroup' || step.name === undefined || !names.has(step.name)) continue;
      const who = `${step.tool} ${step.name}`;
      checkId(step.uid, (v) => (/^\d+$/.test(v) ? Number(v) : undefined), UIDS, 'uid', who, '1000');
      checkId(step.gid, (v) => groupId(model, v), GIDS, 'gid', who, '100');
    }

    if (!user || user.user === undefined) return;
    const who = `USER ${user.word.value}`;
    const uid = /^\d+$/.test(user.user) ? Number(user.user) : undefined;
    const gid = user.group !== undefined ? groupId(model, user.group) : undefined;
    // A named user's UID was judged at its useradd; a number is judged here.
    if (uid !== undefined && !UIDS.has(uid)) ctx.report({ messageId: 'uid', range: user.word.range, data: { who, id: uid } });
    else if (gid !== undefined && !GIDS.has(gid)) ctx.report({ messageId: 'gid', range: user.word.range, data: { who, id: gid } });
    else {
      const effectiveUid = uid ?? userId(model, user.user);
      if (effectiveUid !== undefined && gid !== undefined && (effectiveUid === 0) !== (gid === 0)) {
        ctx.report({ messageId: 'pair', range: user.word.range, data: { user: `${user.user}:${user.group}` } });
      }
    }
  },
});

/** Replaces a literal number (alone, or after `--uid=`) with `wanted`; nothing for a name or a variable. */
function replaceNumber(id: IdValue, wanted: string): Suggestion[] | undefined {
  const written = id.word.value;
  const match = /^(-[-\w]*=?|-\w)?(\d+)$/.exec(written);
  if (!match || id.word.expands) return undefined;
  return [{ title: `Use ${wanted}`, edits: [{ range: id.word.range, newText: `${match[1] ?? ''}${wanted}` }] }];
}
