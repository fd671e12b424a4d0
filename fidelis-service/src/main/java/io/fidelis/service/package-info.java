/** The HTTP service: REST API, sign-in with roles, audit, and the bilingual dashboard over one workspace. */
package io.fidelis.service;
