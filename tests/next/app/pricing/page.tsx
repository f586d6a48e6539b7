export default function Page() {
  return <main id="page">pricing</main>;
}
