// How directory objects look in Graph JSON: every declared property the
// stand-in stores, and the default property set Graph returns when the
// request has no $select.
import type { Json } from './odata';
import type { DirectoryObject, DirectoryRoleState, GroupState, ServicePrincipalState, TenantInfo, UserState } from './state';

export const userDefaults = [
  'businessPhones',
  'displayName',
  'givenName',
  'jobTitle',
  'mail',
  'mobilePhone',
  'officeLocation',
  'preferredLanguage',
  'surname',
  'userPrincipalName',
];
export const groupDefaults = [
  'deletedDateTime',
  'createdDateTime',
  'description',
  'displayName',
  'groupTypes',
  'isAssignableToRole',
  'mailEnabled',
  'mailNickname',
  'onPremisesSyncEnabled',
  'securityEnabled',
];
export const roleDefaults = ['deletedDateTime', 'description', 'displayName', 'roleTemplateId'];
export const servicePrincipalDefaults = ['deletedDateTime', 'accountEnabled', 'appId', 'displayName', 'servicePrincipalType'];

export const qualifiedTypes = {
  user: 'microsoft.graph.user',
  group: 'microsoft.graph.group',
  directoryRole: 'microsoft.graph.directoryRole',
  servicePrincipal: 'microsoft.graph.servicePrincipal',
  organization: 'microsoft.graph.organization',
} as const;

export function userJson(u: UserState): Json {
  return {
    ...u.extra,
    id: u.id,
    deletedDateTime: null,
    accountEnabled: u.accountEnabled,
    businessPhones: [...u.businessPhones],
    createdDateTime: u.createdDateTime,
    department: u.department,
    displayName: u.displayName,
    givenName: u.givenName,
    jobTitle: u.jobTitle,
    mail: u.mail,
    mailNickname: u.userPrincipalName.split('@')[0] ?? null,
    mobilePhone: u.mobilePhone,
    officeLocation: u.officeLocation,
    preferredLanguage: u.preferredLanguage,
    surname: u.surname,
    usageLocation: u.usageLocation,
    userPrincipalName: u.userPrincipalName,
    userType: u.userType,
    creationType: u.userType === 'Guest' ? 'Invitation' : null,
    onPremisesSyncEnabled: u.onPremisesSyncEnabled,
    onPremisesSamAccountName: u.onPremisesSamAccountName,
    passwordPolicies: null,
    // The password itself is never returned by Graph.
    passwordProfile: {
      password: null,
      forceChangePasswordNextSignIn: u.passwordProfile.forceChangePasswordNextSignIn,
      forceChangePasswordNextSignInWithMfa: u.passwordProfile.forceChangePasswordNextSignInWithMfa,
    },
    lastPasswordChangeDateTime: u.lastPasswordChangeDateTime,
    signInSessionsValidFromDateTime: u.signInSessionsValidFromDateTime,
    signInActivity: {
      lastSignInDateTime: u.signInActivity.lastSignInDateTime,
      lastSignInRequestId: null,
      lastNonInteractiveSignInDateTime: u.signInActivity.lastNonInteractiveSignInDateTime,
      lastNonInteractiveSignInRequestId: null,
      lastSuccessfulSignInDateTime: u.signInActivity.lastSignInDateTime,
      lastSuccessfulSignInRequestId: null,
    },
  };
}

export function groupJson(g: GroupState): Json {
  return {
    id: g.id,
    deletedDateTime: null,
    createdDateTime: g.createdDateTime,
    description: g.description,
    displayName: g.displayName,
    groupTypes: [],
    isAssignableToRole: g.isAssignableToRole,
    mailEnabled: g.mailEnabled,
    mailNickname: g.mailNickname,
    onPremisesSyncEnabled: g.onPremisesSyncEnabled,
    securityEnabled: g.securityEnabled,
  };
}

export function roleJson(r: DirectoryRoleState): Json {
  return { id: r.id, deletedDateTime: null, description: r.description, displayName: r.displayName, roleTemplateId: r.roleTemplateId };
}

export function servicePrincipalJson(sp: ServicePrincipalState): Json {
  return {
    id: sp.id,
    deletedDateTime: null,
    accountEnabled: sp.accountEnabled,
    appId: sp.appId,
    displayName: sp.displayName,
    servicePrincipalType: sp.servicePrincipalType,
  };
}

export function organizationJson(tenant: TenantInfo): Json {
  return {
    id: tenant.id,
    deletedDateTime: null,
    displayName: tenant.displayName,
    tenantType: 'AAD',
    verifiedDomains: [{ capabilities: 'Email, OfficeCommunicationsOnline', isDefault: true, isInitial: true, name: tenant.domain, type: 'Managed' }],
  };
}

/** A member of a mixed collection (directoryObjects): full JSON plus @odata.type. */
export function objectJson(object: DirectoryObject): Json {
  switch (object.type) {
    case 'user':
      return { '@odata.type': '#microsoft.graph.user', ...userJson(object.value) };
    case 'group':
      return { '@odata.type': '#microsoft.graph.group', ...groupJson(object.value) };
    case 'servicePrincipal':
      return { '@odata.type': '#microsoft.graph.servicePrincipal', ...servicePrincipalJson(object.value) };
    case 'directoryRole':
      return { '@odata.type': '#microsoft.graph.directoryRole', ...roleJson(object.value) };
  }
}

export function defaultsFor(type: DirectoryObject['type']): string[] {
  switch (type) {
    case 'user':
      return userDefaults;
    case 'group':
      return groupDefaults;
    case 'servicePrincipal':
      return servicePrincipalDefaults;
    case 'directoryRole':
      return roleDefaults;
  }
}
