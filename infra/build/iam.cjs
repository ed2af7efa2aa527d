// Variables for serverless.yml that YAML alone cannot express. CommonJS because osls loads
// `${file(…)}` scripts with require().

// CloudFormation's own variables, resolved by Fn::Sub (written escaped: they are not JavaScript's).
const OWN_REGION = '\u0024{AWS::Region}';
const OWN_ACCOUNT = '\u0024{AWS::AccountId}';

const list = async (resolveVariable, name) =>
  String(await resolveVariable(`param:${name}`))
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);

/**
 * Where the bot may read logs: its own Region and account, every Region of `regionsAllowed` and
 * every linked account of `accounts` (`alias=id`), as the REGIONS_ALLOWED and ACCOUNTS it enforces.
 * A monitoring account queries a source account's groups by their ARNs in that account.
 */
async function places(resolveVariable) {
  const regions = [OWN_REGION, ...(await list(resolveVariable, 'regionsAllowed')).map((r) => r.toLowerCase())];
  const accounts = [OWN_ACCOUNT, ...(await list(resolveVariable, 'accounts')).map((a) => a.split('=')[1] ?? '')];
  for (const region of regions) {
    if (region !== OWN_REGION && !/^[a-z]{2}(-[a-z]+)+-\d{1,2}$/.test(region))
      throw new Error(`param regionsAllowed: "${region}" is not a Region code like eu-west-1`);
  }
  for (const account of accounts) {
    if (account !== OWN_ACCOUNT && !/^\d{12}$/.test(account))
      throw new Error('param accounts must be alias=id pairs with twelve-digit ids, like prod=111122223333');
  }
  return [...new Set(regions)].flatMap((region) => [...new Set(accounts)].map((account) => ({ region, account })));
}

/**
 * StartQuery ARNs for the allowed log groups: the same list the bot enforces (LOG_GROUPS_ALLOWED),
 * in every place it may read. None allowed (the default) gives none; serverless.yml then leaves the
 * statement out.
 */
module.exports.allowedLogGroupArns = async ({ resolveVariable }) => {
  const allowed = await list(resolveVariable, 'logGroupsAllowed');
  if (allowed.includes('*')) throw new Error('param logGroupsAllowed may not be "*": name the groups or prefixes');
  // A prefix pattern `/aws/lambda/*` is an IAM wildcard as it stands; `:*` covers the group's streams.
  return (await places(resolveVariable)).flatMap(({ region, account }) =>
    allowed.map((group) => ({
      'Fn::Sub': `arn:\${AWS::Partition}:logs:${region}:${account}:log-group:${group}${group.endsWith('*') ? '' : ':*'}`,
    })),
  );
};

/** DescribeLogGroups (a prefix expanded to names) in every place the bot may read. */
module.exports.logGroupListArns = async ({ resolveVariable }) =>
  (await places(resolveVariable)).map(({ region, account }) => ({
    'Fn::Sub': `arn:\${AWS::Partition}:logs:${region}:${account}:log-group:*`,
  }));
