/**
 * The software a scanned image may contain: real package names with plausible version histories.
 * Versions are listed oldest first; older versions carry more vulnerabilities. `risk` is how likely
 * an installed copy has known vulnerabilities at all; `nonCompliant` marks packages HSS would flag
 * (licence or policy), which ListGlobalImageApps returns with `is_compliant=false`.
 */
import type { OsFamily, Stack } from './names';

export type PackageEcosystem = OsFamily | 'jar' | 'npm' | 'python' | 'go';

export interface SoftwarePackage {
  id: number;
  name: string;
  ecosystem: PackageEcosystem;
  /** The `app_type` HSS reports. */
  appType: string;
  versions: readonly string[];
  risk: number;
  nonCompliant: boolean;
}

type Entry = readonly [name: string, versions: string, risk?: number, nonCompliant?: boolean];

const RPM: readonly Entry[] = [
  ['glibc', '2.28-101.h7.eulerosv2r9,2.28-225.h13.eulerosv2r10,2.34-143.h12.eulerosv2r12', 0.6],
  ['glibc-common', '2.28-101.h7.eulerosv2r9,2.34-143.h12.eulerosv2r12', 0.4],
  ['openssl', '1.1.1f-7.h21.eulerosv2r9,1.1.1m-15.h29.eulerosv2r10,3.0.12-4.h18.eulerosv2r12', 0.7],
  ['openssl-libs', '1.1.1f-7.h21.eulerosv2r9,3.0.12-4.h18.eulerosv2r12', 0.6],
  ['zlib', '1.2.11-18.h4.eulerosv2r9,1.2.13-1.h3.eulerosv2r12', 0.4],
  ['bash', '5.0-14.h5.eulerosv2r9,5.1.8-6.h3.eulerosv2r12', 0.2],
  ['coreutils', '8.32-2.h9.eulerosv2r9,9.0-2.h6.eulerosv2r12', 0.1],
  ['curl', '7.71.1-9.h20.eulerosv2r9,7.79.1-2.h33.eulerosv2r12', 0.6],
  ['libcurl', '7.71.1-9.h20.eulerosv2r9,7.79.1-2.h33.eulerosv2r12', 0.6],
  ['systemd', '243-18.h24.eulerosv2r9,249-43.h31.eulerosv2r12', 0.3],
  ['systemd-libs', '243-18.h24.eulerosv2r9,249-43.h31.eulerosv2r12', 0.3],
  ['util-linux', '2.35.2-1.h13.eulerosv2r9,2.37.2-1.h9.eulerosv2r12', 0.2],
  ['ncurses-libs', '6.2-1.h6.eulerosv2r9,6.3-5.h6.eulerosv2r12', 0.2],
  ['readline', '8.0-3.h2.eulerosv2r9,8.1-2.eulerosv2r12', 0.05],
  ['sqlite', '3.32.3-1.h14.eulerosv2r9,3.36.0-3.h11.eulerosv2r12', 0.4],
  ['libxml2', '2.9.10-9.h22.eulerosv2r9,2.9.12-4.h17.eulerosv2r12', 0.6],
  ['expat', '2.2.9-3.h11.eulerosv2r9,2.4.1-5.h10.eulerosv2r12', 0.5],
  ['krb5-libs', '1.18.2-2.h9.eulerosv2r9,1.19.2-6.h9.eulerosv2r12', 0.4],
  ['cyrus-sasl-lib', '2.1.27-12.h3.eulerosv2r9,2.1.27-13.h2.eulerosv2r12', 0.2],
  ['pcre2', '10.35-1.h5.eulerosv2r9,10.39-1.h7.eulerosv2r12', 0.3],
  ['libgcc', '7.3.0-20190804.h39.eulerosv2r9,10.3.1-10.h15.eulerosv2r12', 0.05],
  ['libstdc++', '7.3.0-20190804.h39.eulerosv2r9,10.3.1-10.h15.eulerosv2r12', 0.05],
  ['gnupg2', '2.2.20-2.h9.eulerosv2r9,2.2.32-1.h8.eulerosv2r12', 0.3],
  ['rpm', '4.15.1-17.h33.eulerosv2r9,4.17.0-8.h26.eulerosv2r12', 0.3],
  ['rpm-libs', '4.15.1-17.h33.eulerosv2r9,4.17.0-8.h26.eulerosv2r12', 0.3],
  ['dnf', '4.2.23-4.h6.eulerosv2r9,4.10.0-3.h7.eulerosv2r12', 0.1],
  ['python3', '3.7.9-6.h41.eulerosv2r9,3.9.9-7.h36.eulerosv2r12', 0.6],
  ['python3-libs', '3.7.9-6.h41.eulerosv2r9,3.9.9-7.h36.eulerosv2r12', 0.5],
  ['perl', '5.32.0-1.h12.eulerosv2r9,5.34.0-3.h11.eulerosv2r12', 0.4],
  ['tar', '1.32-3.h3.eulerosv2r9,1.34-1.h6.eulerosv2r12', 0.2],
  ['gzip', '1.10-1.h4.eulerosv2r9,1.11-1.h3.eulerosv2r12', 0.2],
  ['xz-libs', '5.2.5-1.h3.eulerosv2r9,5.2.5-2.h4.eulerosv2r12', 0.2],
  ['bzip2-libs', '1.0.8-3.h3.eulerosv2r9,1.0.8-4.eulerosv2r12', 0.1],
  ['libffi', '3.3-7.h2.eulerosv2r9,3.4.2-6.eulerosv2r12', 0.05],
  ['libselinux', '3.1-1.h5.eulerosv2r9,3.3-2.h2.eulerosv2r12', 0.05],
  ['shadow-utils', '4.8.1-2.h7.eulerosv2r9,4.9-3.h9.eulerosv2r12', 0.2],
  ['sed', '4.8-3.h2.eulerosv2r9,4.8-4.eulerosv2r12', 0.05],
  ['grep', '3.4-1.h2.eulerosv2r9,3.7-4.eulerosv2r12', 0.05],
  ['gawk', '5.0.1-3.h2.eulerosv2r9,5.1.1-1.eulerosv2r12', 0.05],
  ['findutils', '4.7.0-3.h1.eulerosv2r9,4.8.0-4.eulerosv2r12', 0.02],
  ['ca-certificates', '2020.2.41-1.h3.eulerosv2r9,2023.2.60-1.eulerosv2r12', 0.02],
  ['tzdata', '2020a-1.h11.eulerosv2r9,2024a-1.eulerosv2r12', 0],
  ['libcap', '2.32-4.h4.eulerosv2r9,2.61-2.h4.eulerosv2r12', 0.2],
  ['audit-libs', '3.0-3.h7.eulerosv2r9,3.0.1-3.h7.eulerosv2r12', 0.05],
  ['pam', '1.4.0-1.h9.eulerosv2r9,1.5.2-2.h8.eulerosv2r12', 0.3],
  ['nss', '3.54-1.h11.eulerosv2r9,3.72.0-4.h8.eulerosv2r12', 0.4],
  ['lua', '5.3.6-1.h4.eulerosv2r9,5.4.3-7.h9.eulerosv2r12', 0.3],
  ['elfutils-libs', '0.180-1.h6.eulerosv2r9,0.185-5.h6.eulerosv2r12', 0.2],
  ['file-libs', '5.39-1.h3.eulerosv2r9,5.41-2.h1.eulerosv2r12', 0.1],
  ['libuuid', '2.35.2-1.h13.eulerosv2r9,2.37.2-1.h9.eulerosv2r12', 0.02],
  ['openldap', '2.4.50-1.h15.eulerosv2r9,2.6.0-3.h13.eulerosv2r12', 0.4],
  ['libssh', '0.9.4-1.h8.eulerosv2r9,0.9.6-4.h7.eulerosv2r12', 0.4],
  ['libnghttp2', '1.41.0-1.h6.eulerosv2r9,1.46.0-1.h7.eulerosv2r12', 0.4],
  ['libidn2', '2.3.0-2.h2.eulerosv2r9,2.3.2-1.eulerosv2r12', 0.05],
  ['gmp', '6.2.0-1.h2.eulerosv2r9,6.2.1-2.eulerosv2r12', 0.05],
  ['json-c', '0.15-1.h2.eulerosv2r9,0.15-3.h1.eulerosv2r12', 0.1],
  ['dbus', '1.12.16-13.h5.eulerosv2r9,1.12.20-6.h5.eulerosv2r12', 0.2],
  ['vim-minimal', '8.2-1.h31.eulerosv2r9,9.0-15.h19.eulerosv2r12', 0.7],
  ['procps-ng', '3.3.16-1.h3.eulerosv2r9,4.0.2-3.eulerosv2r12', 0.2],
  ['iproute', '5.5.0-1.h7.eulerosv2r9,5.15.0-2.h3.eulerosv2r12', 0.05],
  ['libarchive', '3.4.3-1.h11.eulerosv2r9,3.5.2-2.h8.eulerosv2r12', 0.5],
  ['cpio', '2.13-1.h5.eulerosv2r9,2.13-5.eulerosv2r12', 0.3],
  ['less', '551-3.h3.eulerosv2r9,590-1.h2.eulerosv2r12', 0.2],
  ['unzip', '6.0-46.h3.eulerosv2r9,6.0-47.h7.eulerosv2r12', 0.2, true],
];

const DEB: readonly Entry[] = [
  ['libc6', '2.28-10+deb10u2,2.31-13+deb11u6,2.36-9+deb12u4', 0.6],
  ['libssl1.1', '1.1.1d-0+deb10u8,1.1.1n-0+deb11u5', 0.7],
  ['libssl3', '3.0.11-1~deb12u2,3.0.13-1~deb12u1', 0.5],
  ['openssl', '1.1.1n-0+deb11u5,3.0.11-1~deb12u2,3.0.13-1~deb12u1', 0.6],
  ['zlib1g', '1:1.2.11.dfsg-2+deb11u2,1:1.2.13.dfsg-1', 0.4],
  ['bash', '5.1-2+deb11u1,5.2.15-2+b2', 0.2],
  ['coreutils', '8.32-4+b1,9.1-1', 0.1],
  ['curl', '7.74.0-1.3+deb11u7,7.88.1-10+deb12u5', 0.6],
  ['libcurl4', '7.74.0-1.3+deb11u7,7.88.1-10+deb12u5', 0.6],
  ['libsystemd0', '247.3-7+deb11u4,252.22-1~deb12u1', 0.3],
  ['util-linux', '2.36.1-8+deb11u1,2.38.1-5+b1', 0.2],
  ['libncursesw6', '6.2+20201114-2+deb11u1,6.4-4', 0.2],
  ['libreadline8', '8.1-1,8.2-1.3', 0.02],
  ['libsqlite3-0', '3.34.1-3,3.40.1-2', 0.4],
  ['libxml2', '2.9.10+dfsg-6.7+deb11u4,2.9.14+dfsg-1.3~deb12u1', 0.6],
  ['libexpat1', '2.2.10-2+deb11u5,2.5.0-1', 0.5],
  ['libkrb5-3', '1.18.3-6+deb11u4,1.20.1-2+deb12u1', 0.4],
  ['libpcre3', '2:8.39-13,2:8.39-15', 0.3],
  ['libpcre2-8-0', '10.36-2+deb11u1,10.42-1', 0.3],
  ['libgcc-s1', '10.2.1-6,12.2.0-14', 0.05],
  ['libstdc++6', '10.2.1-6,12.2.0-14', 0.05],
  ['gpgv', '2.2.27-2+deb11u2,2.2.40-1.1', 0.2],
  ['apt', '2.2.4,2.6.1', 0.1],
  ['dpkg', '1.20.12,1.21.22', 0.1],
  ['perl-base', '5.32.1-4+deb11u2,5.36.0-7+deb12u1', 0.4],
  ['tar', '1.34+dfsg-1,1.34+dfsg-1.2+deb12u1', 0.2],
  ['gzip', '1.10-4+deb11u1,1.12-1', 0.2],
  ['liblzma5', '5.2.5-2.1~deb11u1,5.4.1-0.2', 0.2],
  ['libbz2-1.0', '1.0.8-4,1.0.8-5+b1', 0.1],
  ['libffi8', '3.4.4-1', 0.02],
  ['libselinux1', '3.1-3,3.4-1+b6', 0.05],
  ['passwd', '1:4.8.1-1,1:4.13+dfsg1-1+b1', 0.2],
  ['sed', '4.7-1,4.9-1', 0.05],
  ['grep', '3.6-1+deb11u1,3.8-5', 0.05],
  ['mawk', '1.3.4.20200120-2,1.3.4.20200120-3.1', 0.05],
  ['findutils', '4.8.0-1,4.9.0-4', 0.02],
  ['ca-certificates', '20210119,20230311', 0.02],
  ['tzdata', '2021a-1+deb11u11,2024a-0+deb12u1', 0],
  ['libcap2', '1:2.44-1,1:2.66-4', 0.2],
  ['libaudit1', '1:3.0-2,1:3.0.9-1', 0.05],
  ['libpam0g', '1.4.0-9+deb11u1,1.5.2-6+deb12u1', 0.3],
  ['libgnutls30', '3.7.1-5+deb11u4,3.7.9-2+deb12u2', 0.5],
  ['libtasn1-6', '4.16.0-2+deb11u1,4.19.0-2', 0.3],
  ['libzstd1', '1.4.8+dfsg-2.1,1.5.4+dfsg2-5', 0.1],
  ['libidn2-0', '2.3.0-5,2.3.3-1+b1', 0.05],
  ['libgmp10', '2:6.2.1+dfsg-1+deb11u1,2:6.2.1+dfsg1-1.1', 0.05],
  ['libdb5.3', '5.3.28+dfsg1-0.8,5.3.28+dfsg2-1', 0.4, true],
  ['login', '1:4.8.1-1,1:4.13+dfsg1-1+b1', 0.2],
  ['mount', '2.36.1-8+deb11u1,2.38.1-5+b1', 0.2],
  ['ncurses-base', '6.2+20201114-2+deb11u1,6.4-4', 0.1],
  ['debianutils', '4.11.2,5.7-0.5~deb12u1', 0.02],
  ['base-files', '11.1+deb11u9,12.4+deb12u5', 0],
  ['libseccomp2', '2.5.1-1+deb11u1,2.5.4-1+b3', 0.1],
  ['libuuid1', '2.36.1-8+deb11u1,2.38.1-5+b1', 0.02],
  ['libgcrypt20', '1.8.7-6,1.10.1-3', 0.3],
  ['libnghttp2-14', '1.43.0-1,1.52.0-1+deb12u1', 0.4],
  ['libldap-2.4-2', '2.4.57+dfsg-3+deb11u1', 0.4],
  ['libpython3.11-minimal', '3.11.2-6', 0.5],
];

const APK: readonly Entry[] = [
  ['musl', '1.2.2-r7,1.2.4-r2,1.2.5-r0', 0.3],
  ['busybox', '1.34.1-r7,1.36.1-r15,1.36.1-r29', 0.5],
  ['alpine-baselayout', '3.2.0-r22,3.4.3-r2', 0],
  ['libcrypto3', '3.0.8-r3,3.1.4-r5,3.3.1-r0', 0.6],
  ['libssl3', '3.0.8-r3,3.1.4-r5,3.3.1-r0', 0.6],
  ['zlib', '1.2.12-r3,1.3.1-r0', 0.4],
  ['apk-tools', '2.12.9-r3,2.14.0-r5', 0.2],
  ['ca-certificates-bundle', '20220614-r4,20240226-r0', 0.02],
  ['libc-utils', '0.7.2-r5', 0],
  ['scanelf', '1.3.4-r1,1.3.7-r2', 0.02],
  ['ssl_client', '1.34.1-r7,1.36.1-r15', 0.3],
  ['musl-utils', '1.2.2-r7,1.2.4-r2', 0.1],
  ['libgcc', '11.2.1_git20220219-r2,13.2.1_git20231014-r0', 0.05],
  ['libstdc++', '11.2.1_git20220219-r2,13.2.1_git20231014-r0', 0.05],
  ['curl', '7.83.1-r6,8.5.0-r0,8.9.0-r0', 0.6],
  ['libcurl', '7.83.1-r6,8.5.0-r0,8.9.0-r0', 0.6],
  ['nghttp2-libs', '1.47.0-r0,1.58.0-r0', 0.4],
  ['brotli-libs', '1.0.9-r6,1.1.0-r1', 0.1],
  ['pcre2', '10.40-r0,10.42-r2', 0.3],
  ['ncurses-libs', '6.3_p20220521-r0,6.4_p20231125-r0', 0.2],
  ['readline', '8.1.2-r0,8.2.1-r2', 0.02],
  ['sqlite-libs', '3.38.5-r0,3.44.2-r0', 0.4],
  ['expat', '2.4.9-r0,2.6.2-r0', 0.5],
  ['xz-libs', '5.2.5-r1,5.4.5-r0', 0.2],
  ['libffi', '3.4.2-r1,3.4.4-r3', 0.02],
];

const JAR: readonly Entry[] = [
  ['log4j-core', '2.11.1,2.14.1,2.17.1,2.20.0,2.23.1', 0.9],
  ['log4j-api', '2.11.1,2.14.1,2.17.1,2.20.0,2.23.1', 0.3],
  ['spring-core', '5.2.9.RELEASE,5.3.18,5.3.31,6.1.5', 0.5],
  ['spring-beans', '5.2.9.RELEASE,5.3.18,5.3.31,6.1.5', 0.6],
  ['spring-context', '5.2.9.RELEASE,5.3.18,5.3.31,6.1.5', 0.3],
  ['spring-web', '5.2.9.RELEASE,5.3.18,5.3.31,6.1.5', 0.6],
  ['spring-webmvc', '5.2.9.RELEASE,5.3.18,5.3.31,6.1.5', 0.5],
  ['spring-boot', '2.3.4.RELEASE,2.6.6,2.7.18,3.2.4', 0.3],
  ['spring-boot-autoconfigure', '2.3.4.RELEASE,2.6.6,2.7.18,3.2.4', 0.3],
  ['jackson-databind', '2.9.10.8,2.12.6.1,2.13.5,2.15.4,2.17.0', 0.8],
  ['jackson-core', '2.9.10,2.12.6,2.13.5,2.15.4,2.17.0', 0.3],
  ['jackson-annotations', '2.9.10,2.12.6,2.13.5,2.15.4', 0.02],
  ['netty-handler', '4.1.50.Final,4.1.77.Final,4.1.100.Final,4.1.108.Final', 0.6],
  ['netty-codec-http', '4.1.50.Final,4.1.77.Final,4.1.100.Final,4.1.108.Final', 0.6],
  ['guava', '20.0,29.0-jre,31.1-jre,33.1.0-jre', 0.4],
  ['commons-lang3', '3.9,3.12.0,3.14.0', 0.05],
  ['commons-io', '2.6,2.11.0,2.16.0', 0.3],
  ['commons-text', '1.8,1.9,1.10.0,1.11.0', 0.5],
  ['commons-collections', '3.2.1,3.2.2', 0.6],
  ['commons-codec', '1.13,1.15,1.16.1', 0.05],
  ['httpclient', '4.5.10,4.5.13,4.5.14', 0.3],
  ['httpcore', '4.4.12,4.4.15,4.4.16', 0.05],
  ['slf4j-api', '1.7.30,1.7.36,2.0.12', 0.02],
  ['logback-classic', '1.2.3,1.2.11,1.4.14,1.5.3', 0.4],
  ['logback-core', '1.2.3,1.2.11,1.4.14,1.5.3', 0.4],
  ['tomcat-embed-core', '9.0.38,9.0.62,10.1.19', 0.8],
  ['snakeyaml', '1.26,1.30,1.33,2.2', 0.7],
  ['hibernate-core', '5.4.21.Final,5.6.15.Final,6.4.4.Final', 0.2],
  ['mysql-connector-java', '5.1.49,8.0.28,8.0.33', 0.4, true],
  ['postgresql', '42.2.18,42.3.3,42.7.3', 0.5],
  ['h2', '1.4.200,2.1.214,2.2.224', 0.6],
  ['gson', '2.8.6,2.8.9,2.10.1', 0.2],
  ['fastjson', '1.2.47,1.2.68,1.2.83', 0.9, true],
  ['xstream', '1.4.11,1.4.18,1.4.20', 0.8],
  ['bcprov-jdk15on', '1.64,1.69,1.70', 0.4],
  ['kafka-clients', '2.5.1,3.1.0,3.6.1', 0.3],
  ['protobuf-java', '3.11.4,3.19.4,3.25.3', 0.3],
  ['jetty-server', '9.4.31.v20200723,9.4.46.v20220331,11.0.20', 0.6],
];

const NPM: readonly Entry[] = [
  ['lodash', '4.17.15,4.17.19,4.17.21', 0.8],
  ['express', '4.17.1,4.18.2,4.19.2', 0.3],
  ['axios', '0.21.1,0.27.2,1.6.0,1.6.8', 0.6],
  ['react', '16.14.0,17.0.2,18.2.0', 0.02],
  ['react-dom', '16.14.0,17.0.2,18.2.0', 0.1],
  ['moment', '2.24.0,2.29.1,2.29.4', 0.5],
  ['minimist', '1.2.0,1.2.5,1.2.8', 0.6],
  ['debug', '2.6.8,2.6.9,4.3.4', 0.2],
  ['ms', '2.0.0,2.1.2,2.1.3', 0.1],
  ['qs', '6.5.2,6.9.6,6.11.0,6.12.0', 0.4],
  ['body-parser', '1.19.0,1.20.1,1.20.2', 0.2],
  ['cookie', '0.4.0,0.5.0,0.6.0', 0.1],
  ['jsonwebtoken', '8.5.1,9.0.0,9.0.2', 0.6],
  ['node-fetch', '2.6.0,2.6.7,3.3.2', 0.5],
  ['ws', '6.2.1,7.4.6,8.16.0', 0.5],
  ['semver', '5.7.1,6.3.0,7.5.4,7.6.0', 0.4],
  ['uuid', '3.4.0,8.3.2,9.0.1', 0.02],
  ['chalk', '2.4.2,4.1.2,5.3.0', 0],
  ['commander', '2.20.3,7.2.0,12.0.0', 0],
  ['glob', '7.1.6,7.2.3,10.3.10', 0.05],
  ['minimatch', '3.0.4,3.1.2,9.0.3', 0.5],
  ['yargs-parser', '13.1.1,18.1.3,21.1.1', 0.4],
  ['async', '2.6.3,3.2.0,3.2.5', 0.4],
  ['underscore', '1.9.1,1.12.1,1.13.6', 0.4],
  ['handlebars', '4.5.3,4.7.6,4.7.8', 0.7],
  ['ejs', '2.7.4,3.1.6,3.1.9', 0.7],
  ['socket.io', '2.3.0,4.5.4,4.7.5', 0.4],
  ['mongoose', '5.9.25,6.8.4,8.2.4', 0.4],
  ['sequelize', '5.22.3,6.29.0,6.37.1', 0.5],
  ['tar', '4.4.13,6.1.11,6.2.1', 0.6],
  ['follow-redirects', '1.13.0,1.15.2,1.15.6', 0.6],
  ['path-to-regexp', '0.1.7,0.1.10,6.2.1', 0.5],
  ['serialize-javascript', '2.1.2,4.0.0,6.0.2', 0.5],
  ['json5', '1.0.1,2.2.1,2.2.3', 0.5],
  ['got', '9.6.0,11.8.5,14.2.1', 0.3],
  ['shell-quote', '1.7.2,1.8.1', 0.4],
  ['nanoid', '3.1.20,3.3.7,5.0.6', 0.3],
  ['dotenv', '8.2.0,16.0.3,16.4.5', 0],
  ['jquery', '1.12.4,3.4.1,3.7.1', 0.6, true],
  ['xmldom', '0.1.27,0.6.0', 0.8, true],
];

const PYTHON: readonly Entry[] = [
  ['requests', '2.22.0,2.25.1,2.31.0', 0.4],
  ['urllib3', '1.25.8,1.26.5,1.26.18,2.2.1', 0.6],
  ['certifi', '2019.11.28,2022.12.7,2024.2.2', 0.4],
  ['idna', '2.8,3.4,3.7', 0.3],
  ['charset-normalizer', '2.0.12,3.3.2', 0],
  ['setuptools', '41.2.0,57.5.0,65.5.1,69.2.0', 0.4],
  ['pip', '19.3.1,21.2.4,23.0.1,24.0', 0.4],
  ['wheel', '0.34.2,0.37.1,0.43.0', 0.2],
  ['six', '1.14.0,1.16.0', 0],
  ['python-dateutil', '2.8.1,2.8.2,2.9.0', 0],
  ['pytz', '2019.3,2022.7,2024.1', 0],
  ['numpy', '1.18.5,1.21.6,1.24.4,1.26.4', 0.3],
  ['pandas', '1.0.5,1.3.5,2.0.3,2.2.1', 0.1],
  ['scipy', '1.4.1,1.7.3,1.11.4', 0.1],
  ['pyyaml', '5.1,5.4.1,6.0.1', 0.6],
  ['jinja2', '2.10.1,2.11.3,3.1.3', 0.5],
  ['markupsafe', '1.1.1,2.1.5', 0],
  ['flask', '1.1.2,2.0.3,2.3.3,3.0.2', 0.3],
  ['werkzeug', '1.0.1,2.0.3,2.3.8,3.0.1', 0.6],
  ['django', '2.2.13,3.2.18,4.2.11,5.0.3', 0.7],
  ['sqlalchemy', '1.3.18,1.4.46,2.0.28', 0.2],
  ['psycopg2-binary', '2.8.5,2.9.5,2.9.9', 0.05],
  ['cryptography', '2.8,3.4.8,41.0.7,42.0.5', 0.7],
  ['cffi', '1.14.0,1.15.1,1.16.0', 0],
  ['pillow', '7.2.0,9.0.1,10.2.0', 0.8],
  ['protobuf', '3.12.2,3.20.3,4.25.3', 0.4],
  ['grpcio', '1.30.0,1.51.1,1.62.1', 0.4],
  ['boto3', '1.14.20,1.26.90,1.34.69', 0],
  ['botocore', '1.17.20,1.29.90,1.34.69', 0.05],
  ['click', '7.1.2,8.1.3,8.1.7', 0],
  ['gunicorn', '20.0.4,20.1.0,21.2.0', 0.4],
  ['paramiko', '2.7.1,2.12.0,3.4.0', 0.5, true],
];

const ML_EXTRA: readonly Entry[] = [
  ['tensorflow', '2.3.1,2.8.4,2.13.1,2.16.1', 0.8],
  ['torch', '1.6.0,1.13.1,2.1.2,2.2.2', 0.4],
  ['scikit-learn', '0.23.2,1.0.2,1.4.1', 0.1],
  ['jupyterlab', '2.2.9,3.6.3,4.1.5', 0.5],
  ['notebook', '6.1.5,6.5.4,7.1.2', 0.5],
  ['tornado', '6.0.4,6.2,6.4', 0.5],
  ['transformers', '4.2.2,4.30.2,4.39.1', 0.5],
  ['opencv-python', '4.4.0.46,4.7.0.72,4.9.0.80', 0.4, true],
];

const GO: readonly Entry[] = [
  ['golang.org/x/net', 'v0.0.0-20200822124328-c89045814202,v0.7.0,v0.17.0,v0.23.0', 0.7],
  ['golang.org/x/crypto', 'v0.0.0-20200622213623-75b288015ac9,v0.6.0,v0.17.0,v0.21.0', 0.6],
  ['golang.org/x/sys', 'v0.0.0-20200930185726-fdedc70b468f,v0.5.0,v0.18.0', 0.1],
  ['golang.org/x/text', 'v0.3.3,v0.3.7,v0.14.0', 0.5],
  ['google.golang.org/grpc', 'v1.31.0,v1.53.0,v1.56.3,v1.62.1', 0.5],
  ['google.golang.org/protobuf', 'v1.25.0,v1.28.1,v1.33.0', 0.3],
  ['github.com/gin-gonic/gin', 'v1.6.3,v1.8.1,v1.9.1', 0.4],
  ['github.com/sirupsen/logrus', 'v1.6.0,v1.8.1,v1.9.3', 0.1],
  ['github.com/spf13/cobra', 'v1.0.0,v1.6.1,v1.8.0', 0],
  ['github.com/prometheus/client_golang', 'v1.7.1,v1.11.1,v1.19.0', 0.2],
  ['github.com/gorilla/mux', 'v1.7.4,v1.8.0,v1.8.1', 0],
  ['github.com/golang/protobuf', 'v1.4.2,v1.5.3,v1.5.4', 0.1],
  ['gopkg.in/yaml.v3', 'v3.0.0-20200313102051-9f266ea9e77c,v3.0.1', 0.5],
  ['github.com/docker/docker', 'v19.03.12+incompatible,v20.10.24+incompatible,v25.0.5+incompatible', 0.7],
  ['k8s.io/client-go', 'v0.19.2,v0.26.3,v0.29.3', 0.2],
  ['github.com/opencontainers/runc', 'v1.0.0-rc92,v1.1.5,v1.1.12', 0.7],
  ['github.com/containerd/containerd', 'v1.4.1,v1.6.20,v1.7.14', 0.6],
  ['go.uber.org/zap', 'v1.15.0,v1.24.0,v1.27.0', 0],
  ['github.com/google/uuid', 'v1.1.2,v1.3.0,v1.6.0', 0],
  ['stdlib', 'go1.15.2,go1.19.7,go1.21.8,go1.22.1', 0.8],
];

const APP_TYPE: Record<PackageEcosystem, string> = {
  rpm: 'RPM',
  deb: 'DEB',
  apk: 'APK',
  jar: 'Jar',
  npm: 'Node.js',
  python: 'Python',
  go: 'Go',
};

function build(): SoftwarePackage[] {
  const groups: [PackageEcosystem, readonly Entry[]][] = [
    ['rpm', RPM],
    ['deb', DEB],
    ['apk', APK],
    ['jar', JAR],
    ['npm', NPM],
    ['python', PYTHON],
    ['python', ML_EXTRA],
    ['go', GO],
  ];
  const out: SoftwarePackage[] = [];
  for (const [ecosystem, entries] of groups) {
    for (const [name, versions, risk = 0.2, nonCompliant = false] of entries) {
      out.push({
        id: out.length,
        name,
        ecosystem,
        appType: APP_TYPE[ecosystem],
        versions: versions.split(','),
        risk,
        nonCompliant,
      });
    }
  }
  return out;
}

/** Every package, indexed by `id`. */
export const SOFTWARE_CATALOG: readonly SoftwarePackage[] = build();

const ML_NAMES = new Set(ML_EXTRA.map(([name]) => name));

function idsWhere(predicate: (pkg: SoftwarePackage) => boolean): number[] {
  return SOFTWARE_CATALOG.filter(predicate).map((pkg) => pkg.id);
}

const poolCache = new Map<string, Int32Array>();

/** Package ids an image of this base OS and stack can contain (OS packages first, in catalog order). */
export function packagePool(os: OsFamily, stack: Stack): Int32Array {
  const key = `${os}|${stack}`;
  let pool = poolCache.get(key);
  if (!pool) {
    const ecosystems = new Set<PackageEcosystem>([os]);
    if (stack === 'java') ecosystems.add('jar');
    if (stack === 'node') ecosystems.add('npm');
    if (stack === 'go') ecosystems.add('go');
    if (stack === 'python' || stack === 'ml') ecosystems.add('python');
    if (stack === 'ml') ecosystems.add('npm');
    const ids = idsWhere(
      (pkg) =>
        ecosystems.has(pkg.ecosystem) &&
        (stack === 'ml' || !ML_NAMES.has(pkg.name) || pkg.ecosystem !== 'python'),
    );
    pool = Int32Array.from(ids);
    poolCache.set(key, pool);
  }
  return pool;
}

/** Ids of the packages whose name contains `fragment` (case-insensitive): HSS `app_name` is a fuzzy match. */
export function packagesMatching(fragment: string): number[] {
  const needle = fragment.toLowerCase();
  return idsWhere((pkg) => pkg.name.toLowerCase().includes(needle));
}

export function isOsPackage(pkg: SoftwarePackage): boolean {
  return pkg.ecosystem === 'rpm' || pkg.ecosystem === 'deb' || pkg.ecosystem === 'apk';
}
