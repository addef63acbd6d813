export default async function setup() {
  if (process.env.TTDN_TEST_UNIT === '1') return;
}
