export default function Page() {
  return <main id="page">about</main>;
}
