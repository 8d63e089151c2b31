/**
 * Everyday English words that are right as they are: a word of the message found here is never
 * "corrected" to a subject or intent word ("fine" stays "fine", not "fire"; "states" stays
 * "states", not "status"). It holds common words (from a frequency list of English) that lie within
 * the typo allowance of the bot's vocabulary and start alike, plus words of the NHS workplace. A
 * new alias in an organisation's catalogue may need a neighbour added here.
 */
export const COMMON_WORDS: ReadonlySet<string> = new Set(
  `
able abortion about above accepting accessed accession accounts accusing actions adapting adaption addition
admin adopting adoptive adoration adult adults advise after afternoons agency all also amended an and answer
answers any appended approved approves april are arise arising as ascended ask asked asserted assess
assesses assessing assessments assessor assistant assistants assisted at attend attendee attendees attends
attested auditing august authoring authorize awarding bach back backs bad bank banks baring bark basics
basil basin basis be beak because beck been before being below best better between big black bleak blender
blinded bock bone book booked booking bookings both bowing boxing brake bread break breaks brilliance
brilliantly bring brisk buck but by call came can cancers cane cannon cans canto cantons captains caption
captives captors card cards care cared career careers carer carers cares caring cart carter cartoons carts
carver case cases cash cast cation cations caution cautions cautious celts cent cents ceres certain
certificate certificates certifications chant chaplain chat chats check checked checks cheeks cheer childs
chile chili chill classrooms cleaner clear clinic clinical clinician clinicians close clover coarse
colleague colleagues come comer comes comets coming command commanded commander commanders commando
commandos commas commence commences commend commented commenters commits commons communes commute commuted
commuter commuters compelled compelling compete competed competes competing compiler compilers complainant
complained complains complaints completely completes completion completions complex complexed complexes
complicit complied compliment complying composer composers compute computed computes computing concealed
conceded conceived concepts concert concerted concerto concertos concerts concurred condemned condemns
conferred confers confessing confidant confided confidence confidently confides conflicted conflicts
confusingly confusion consent conserved consultant consuming contend contents contest context continent
controls convened convent convents converged converted converts convict couplets course courses cove coven
cover covert covet coveted crust cure curse curses curt dada dagger daggers dale dame dancer dancers
dangerously dare data date dated dates dato day days daze deadlines deal dealing decay decayed deceased
december declarations declarative declare declares decline declined decoration deed deer delayed delays
departmental departments descriptions descriptive descriptor deter differed difference different differently
differing dill dine dinger dire disk diversify diversion do doctor doctors does doing dome domestic done
dope dose drill drills droll dune durability during each early earning easy eluded email emails eminence
empire empires employ employed employee employees employer employs empower equality equally equity
escalating escalator essentially essentials ethnology evacuate evacuated evacuation evacuations evaluated
evaluates evaluating evaluations even evenings every evidenced evidences evident evolution exams excavation
exceeded exceeding excelled excellence excellency exception exceptions excise excised excision exciting
exclude excludes exclusive excursion excuses executed execution executions exerted exiting expanded
expanding expansion expansions expended exploded explorer explorers exploring explosion exporting exposing
expulsion extends extensive extent extras failings falling farmer february feed feel few file filed filing
finally find fine fined finer finisher finishers finishes fire fired fires firm first fished fishing five
foiled food for fore form formed forms four freak free freedoms friday frill from full furnished furnishing
gate get give glide going gone good got gp gps grate great greeting grill guided guides guise hack had
hailing handing handling hanging hard hardline has hat hats hauling have hca he heading heal healing health
healthcare healthy heap hearings hearth heath heating heave heed held hell hello hells helm help helped
helps hemp her herring hey hi high him hind hinds hindwing hire his hist hits hole hospital hospitals hover
however humane humans hunt hunts if igniting ignorant ignored immediately impacted impair impairments
imparted implied important improv improved improves in inaction inception incorrectly induction infecting
infections infectious inflation inflection informatics informational informations informative infraction
ingestion injection injections injure insertion inspection instructing instruction instructional instructors
intention into invention is it its january july june just kelp kick knew know known lack landing langer
laptop laptops large last late later leading leaking leaning leanings leaping learned learnt lease leasing
leave leaver leaves leaving levee levels lever lice lick lifes lift like lime line linger link links lire
lite little live locum logan logic long look lover made major make makes making manager managers manuals
many march massed masses massing mate maturity may meal mend meng ment menus messed messes messing midwife
midwives mild mile mind mine mises misled misused misusing mobile modernity module modules modulo modulus
mole monday month months more mornings mosses most mourning much must name names necessarily necessity need
needed needs needy nerd new next nhs nick night nights no none not noting november nurse nurses october of
offline okay olive olives on one online only open operatic operating operational operations operative
operator option or oration organisational organisations organizational organizations other out outlawed
outraged over overload overlooked overlord overtook own pack paramedic parent parentage parents parietal
parsed passer passes passports passwords pasted patent patient patients paused pavement pease penning people
pharmacist pharmacy phone physio pick pissed place placements places pleas please pleased pointers pole
portal porter porters postcode postponed practicable practically practice practiced practices practise
practised precious prenatal prentice presenting pretending preventive previews previously proactive
production prof projected projection projections proofs prosecuted prosecution protect protecting
protections protective protector protects protested protester protracted public pure quality question
questions quid quit racing rafting raging raiding railing raining raised raises rale ranting raping rate
ratings read real really realm reals ream reap rear reasonably reasons reburied receptionist recreated
recurring redd reed reel refresh refresher regal registrar rejected related released relegated relented
relevance reliant renal repaired repealed repeat repeatedly repeater repeats repelled replaced replayed
report reported reporter reporters reposted repressed reputed requested requester requiem requirement
requires resented resolutions resorts respected retained retainer retaining retarded retired retirements
retiring retreated returns revealed reverted reviews revolution revolutions reword rick right rink rise
rises rising risk risks risky robe rode role roles rolf roll romanization rope rose rota rote rove rule rusk
rust sack safely safety said same saturday saying says scared seal sealing seasons seating sections securely
securing see seed seeking seem september severity shaded shaking shaped share shares shaved she shearing
shift shifts short should shoulder shred sich sick silk since single sink slick small smuggle smuggled
smuggling sneak sneaking so soaking soared sock sole some sorry source sources space spaces spacing spared
sparing sparking speaks spear special speck speeding spelling spending spraying spreading staff staffs
standing starred starter startled starved stated states stats statuary statue statues steak stealing steam
steaming stick stiff still straining strangled strong stud student students studs stuff sturdy subtitle
subtitled such suck suggesting suggestive sunday supports sure surgery swearing sweating take tame tank
tanks tanning tea teak teal team teams tear tears teas tell term terms terribly text than thane thank thanks
that thats the thee their theirs them then there these they think thinks this three threw throe through
thrust thursday tide tied tiers ties tiger tile time timed timer times tire tite to today told tome tomorrow
tone tonight torch tough tracing tracking trading trailing trained trainee trainees trainer training
trainings tram trams transform transformed transforming transforms transverse trapping tree trier trill true
truss trust trusts truth try tuesday two type umpire undated under understands understated understood unload
up update updates uploads usable use used very virtually visual visuals volunteer want wanted wanting wants
ward wards ware was wasting way weak wealth wear weave website wednesday weed week weeks weep well went were
what whats wheat when where whet which while whit whiting who whole will wire with word wore work workplaces
works workshops workspace worm worn worries worship would writing wrongs year yearning years yelp yesterday
you young zone
`
    .split(/\s+/)
    .filter((word) => word.length > 0),
);
