// Variables for serverless.yml that YAML alone cannot express. CommonJS because osls loads
// `${file(…)}` scripts with require().

/**
 * StartQuery ARNs for the allowed log groups: the same list the bot enforces (LOG_GROUPS_ALLOWED).
 * None allowed (the default) gives none; serverless.yml then leaves the statement out.
 */
module.exports.allowedLogGroupArns = async ({ resolveVariable }) => {
  const allowed = String(await resolveVariable('param:logGroupsAllowed'))
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  if (allowed.includes('*')) throw new Error('param logGroupsAllowed may not be "*": name the groups or prefixes');
  // A prefix pattern `/aws/lambda/*` is an IAM wildcard as it stands; `:*` covers the group's streams.
  return allowed.map((group) => ({
    'Fn::Sub': `arn:\${AWS::Partition}:logs:\${AWS::Region}:\${AWS::AccountId}:log-group:${group}${group.endsWith('*') ? '' : ':*'}`,
  }));
};
