import { parties } from './parties';

/**
 *
 */
export const elections: Data.ElectionResults = {
  1996: {
    rows: [
      { electorates: 30, party: parties.nat, seats: 44, votes: 701_315 },
      { electorates: 26, party: parties.lab, seats: 37, votes: 584_159 },
      { electorates: 6, party: parties.nzf, seats: 17, votes: 276_603 },
      { electorates: 1, party: parties.all, seats: 13, votes: 209_347 },
      { electorates: 1, party: parties.act, seats: 8, votes: 126_442 },
      { electorates: 0, party: parties.chc, seats: 0, votes: 89_716 },
      { electorates: 0, party: parties.alc, seats: 0, votes: 34_398 },
      { electorates: 1, party: parties.uni, seats: 1, votes: 18_245 },
      { electorates: 0, party: parties.msp, seats: 0, votes: 5_990 },
      { electorates: 0, party: parties.prg, seats: 0, votes: 5_288 },
      { electorates: 0, party: parties.mma, seats: 0, votes: 4_070 },
      { electorates: 0, party: parties.anf, seats: 0, votes: 3_543 },
      { electorates: 0, party: parties.nal, seats: 0, votes: 3_189 },
      { electorates: 0, party: parties.emp, seats: 0, votes: 2_514 },
      { electorates: 0, party: parties.grs, seats: 0, votes: 2_363 },
      { electorates: 0, party: parties.cns, seats: 0, votes: 1_431 },
      { electorates: 0, party: parties.say, seats: 0, votes: 1_244 },
      { electorates: 0, party: parties.anz, seats: 0, votes: 949 },
      { electorates: 0, party: parties.lib, seats: 0, votes: 671 },
      { electorates: 0, party: parties.apu, seats: 0, votes: 478 },
      { electorates: 0, party: parties.tet, seats: 0, votes: 404 }
    ]
  },
  1999: {
    rows: [
      { electorates: 41, party: parties.lab, seats: 49, votes: 800_199 },
      { electorates: 22, party: parties.nat, seats: 39, votes: 629_932 },
      { electorates: 1, party: parties.all, seats: 10, votes: 159_859 },
      { electorates: 0, party: parties.act, seats: 9, votes: 145_493 },
      { electorates: 1, party: parties.grn, seats: 7, votes: 106_560 },
      { electorates: 1, party: parties.nzf, seats: 5, votes: 87_926 },
      { electorates: 0, party: parties.chh, seats: 0, votes: 49_154 },
      { electorates: 0, party: parties.fnz, seats: 0, votes: 23_033 },
      { electorates: 0, party: parties.alc, seats: 0, votes: 22_687 },
      { electorates: 1, party: parties.uni, seats: 1, votes: 11_065 },
      { electorates: 0, party: parties.lib, seats: 0, votes: 5_949 },
      { electorates: 0, party: parties.mma, seats: 0, votes: 5_190 },
      { electorates: 0, party: parties.map, seats: 0, votes: 4_008 },
      { electorates: 0, party: parties.anf, seats: 0, votes: 3_244 },
      { electorates: 0, party: parties.msp, seats: 0, votes: 3_191 },
      { electorates: 0, party: parties.sip, seats: 0, votes: 2_912 },
      { electorates: 0, party: parties.nal, seats: 0, votes: 1_712 },
      { electorates: 0, party: parties.onz, seats: 0, votes: 1_311 },
      { electorates: 0, party: parties.nmp, seats: 0, votes: 936 },
      { electorates: 0, party: parties.frm, seats: 0, votes: 454 },
      { electorates: 0, party: parties.pec, seats: 0, votes: 387 },
      { electorates: 0, party: parties.rep, seats: 0, votes: 292 }
    ]
  },
  2002: {
    rows: [
      { electorates: 45, party: parties.lab, seats: 52, votes: 838_219 },
      { electorates: 21, party: parties.nat, seats: 27, votes: 425_310 },
      { electorates: 1, party: parties.nzf, seats: 13, votes: 210_912 },
      { electorates: 0, party: parties.act, seats: 9, votes: 145_078 },
      { electorates: 0, party: parties.grn, seats: 9, votes: 142_250 },
      { electorates: 1, party: parties.uni, seats: 8, votes: 135_918 },
      { electorates: 1, party: parties.jim, seats: 2, votes: 34_542 },
      { electorates: 0, party: parties.chh, seats: 0, votes: 27_492 },
      { electorates: 0, party: parties.rec, seats: 0, votes: 25_985 },
      { electorates: 0, party: parties.all, seats: 0, votes: 25_888 },
      { electorates: 0, party: parties.alc, seats: 0, votes: 12_987 },
      { electorates: 0, party: parties.mma, seats: 0, votes: 4_980 },
      { electorates: 0, party: parties.onz, seats: 0, votes: 1_782 },
      { electorates: 0, party: parties.nmp, seats: 0, votes: 274 }
    ]
  },
  2005: {
    rows: [
      { electorates: 31, party: parties.lab, seats: 50, votes: 935_319 },
      { electorates: 31, party: parties.nat, seats: 48, votes: 889_813 },
      { electorates: 0, party: parties.nzf, seats: 7, votes: 130_115 },
      { electorates: 0, party: parties.grn, seats: 6, votes: 120_521 },
      { electorates: 4, party: parties.mri, seats: 4, votes: 48_263 },
      { electorates: 1, party: parties.uni, seats: 3, votes: 60_860 },
      { electorates: 1, party: parties.act, seats: 2, votes: 34_469 },
      { electorates: 1, party: parties.jim, seats: 1, votes: 26_441 },
      { electorates: 0, party: parties.des, seats: 0, votes: 14_210 },
      { electorates: 0, party: parties.alc, seats: 0, votes: 5_748 },
      { electorates: 0, party: parties.chh, seats: 0, votes: 2_821 },
      { electorates: 0, party: parties.all, seats: 0, votes: 1_641 },
      { electorates: 0, party: parties.fmr, seats: 0, votes: 1_178 },
      { electorates: 0, party: parties.dsc, seats: 0, votes: 1_079 },
      { electorates: 0, party: parties.lib, seats: 0, votes: 946 },
      { electorates: 0, party: parties.did, seats: 0, votes: 782 },
      { electorates: 0, party: parties.nnm, seats: 0, votes: 601 },
      { electorates: 0, party: parties.onz, seats: 0, votes: 478 },
      { electorates: 0, party: parties.rnz, seats: 0, votes: 344 }
    ]
  },
  2008: {
    rows: [
      { electorates: 41, party: parties.nat, seats: 58, votes: 1_053_398 },
      { electorates: 21, party: parties.lab, seats: 43, votes: 796_880 },
      { electorates: 0, party: parties.grn, seats: 9, votes: 157_613 },
      { electorates: 0, party: parties.nzf, seats: 0, votes: 95_356 },
      { electorates: 1, party: parties.act, seats: 5, votes: 85_496 },
      { electorates: 5, party: parties.mri, seats: 5, votes: 55_980 },
      { electorates: 1, party: parties.jim, seats: 1, votes: 21_241 },
      { electorates: 1, party: parties.uni, seats: 1, votes: 20_497 },
      { electorates: 0, party: parties.bbp, seats: 0, votes: 13_016 },
      { electorates: 0, party: parties.kwp, seats: 0, votes: 12_755 },
      { electorates: 0, party: parties.alc, seats: 0, votes: 9_515 },
      { electorates: 0, party: parties.nzp, seats: 0, votes: 9_640 },
      { electorates: 0, party: parties.fam, seats: 0, votes: 8_176 },
      { electorates: 0, party: parties.all, seats: 0, votes: 1_909 },
      { electorates: 0, party: parties.dsc, seats: 0, votes: 1_208 },
      { electorates: 0, party: parties.lib, seats: 0, votes: 1_176 },
      { electorates: 0, party: parties.wop, seats: 0, votes: 932 },
      { electorates: 0, party: parties.ram, seats: 0, votes: 465 },
      { electorates: 0, party: parties.rnz, seats: 0, votes: 313 }
    ]
  },
  2011: {
    rows: [
      { electorates: 42, party: parties.nat, seats: 59, votes: 1_058_636 },
      { electorates: 22, party: parties.lab, seats: 34, votes: 614_937 },
      { electorates: 0, party: parties.grn, seats: 14, votes: 247_372 },
      { electorates: 0, party: parties.nzf, seats: 8, votes: 147_544 },
      { electorates: 0, party: parties.con, seats: 0, votes: 59_237 },
      { electorates: 3, party: parties.mri, seats: 3, votes: 31_982 },
      { electorates: 1, party: parties.man, seats: 1, votes: 24_168 },
      { electorates: 1, party: parties.act, seats: 1, votes: 23_889 },
      { electorates: 1, party: parties.uni, seats: 1, votes: 13_443 },
      { electorates: 0, party: parties.alc, seats: 0, votes: 11_738 },
      { electorates: 0, party: parties.dsc, seats: 0, votes: 1_714 },
      { electorates: 0, party: parties.lib, seats: 0, votes: 1_595 },
      { electorates: 0, party: parties.all, seats: 0, votes: 1_209 }
    ]
  },
  2014: {
    rows: [
      { electorates: 41, party: parties.nat, seats: 60, votes: 1_131_501 },
      { electorates: 27, party: parties.lab, seats: 32, votes: 604_534 },
      { electorates: 0, party: parties.grn, seats: 14, votes: 257_356 },
      { electorates: 0, party: parties.nzf, seats: 11, votes: 208_300 },
      { electorates: 0, party: parties.con, seats: 0, votes: 95_958 },
      { electorates: 1, party: parties.mri, seats: 2, votes: 31_850 },
      { electorates: 0, party: parties.ima, seats: 0, votes: 34_095 },
      { electorates: 1, party: parties.act, seats: 1, votes: 16_689 },
      { electorates: 0, party: parties.alc, seats: 0, votes: 10_961 },
      { electorates: 1, party: parties.uni, seats: 1, votes: 5_286 },
      { electorates: 0, party: parties.ban, seats: 0, votes: 5_113 },
      { electorates: 0, party: parties.dsc, seats: 0, votes: 1_730 },
      { electorates: 0, party: parties.civ, seats: 0, votes: 1_096 },
      { electorates: 0, party: parties.nzi, seats: 0, votes: 872 },
      { electorates: 0, party: parties.foc, seats: 0, votes: 639 }
    ]
  },
  2017: {
    rows: [
      { electorates: 41, party: parties.nat, seats: 56, votes: 1_152_075 },
      { electorates: 29, party: parties.lab, seats: 46, votes: 956_184 },
      { electorates: 0, party: parties.nzf, seats: 9, votes: 186_706 },
      { electorates: 0, party: parties.grn, seats: 8, votes: 162_443 },
      { electorates: 1, party: parties.act, seats: 1, votes: 13_075 },
      { electorates: 0, party: parties.top, seats: 0, votes: 63_260 },
      { electorates: 0, party: parties.mri, seats: 0, votes: 30_580 },
      { electorates: 0, party: parties.alc, seats: 0, votes: 8_075 },
      { electorates: 0, party: parties.con, seats: 0, votes: 6_253 },
      { electorates: 0, party: parties.man, seats: 0, votes: 3_642 },
      { electorates: 0, party: parties.ban, seats: 0, votes: 3_005 },
      { electorates: 0, party: parties.nze, seats: 0, votes: 1_890 },
      { electorates: 0, party: parties.uni, seats: 0, votes: 1_782 },
      { electorates: 0, party: parties.nzo, seats: 0, votes: 1_620 },
      { electorates: 0, party: parties.dsc, seats: 0, votes: 806 },
      { electorates: 0, party: parties.int, seats: 0, votes: 499 }
    ]
  },
  2020: {
    rows: [
      { electorates: 46, party: parties.lab, seats: 65, votes: 1_443_546 },
      { electorates: 23, party: parties.nat, seats: 33, votes: 738_275 },
      { electorates: 1, party: parties.grn, seats: 10, votes: 226_754 },
      { electorates: 1, party: parties.act, seats: 10, votes: 219_030 },
      { electorates: 0, party: parties.nzf, seats: 0, votes: 75_021 },
      { electorates: 0, party: parties.top, seats: 0, votes: 43_449 },
      { electorates: 0, party: parties.ncn, seats: 0, votes: 42_615 },
      { electorates: 1, party: parties.mri, seats: 2, votes: 33_632 },
      { electorates: 0, party: parties.anz, seats: 0, votes: 28_434 },
      { electorates: 0, party: parties.alc, seats: 0, votes: 13_329 },
      { electorates: 0, party: parties.one, seats: 0, votes: 8_121 },
      { electorates: 0, party: parties.vnz, seats: 0, votes: 4_236 },
      { electorates: 0, party: parties.nzo, seats: 0, votes: 3_256 },
      { electorates: 0, party: parties.tea, seats: 0, votes: 2_415 },
      { electorates: 0, party: parties.snz, seats: 0, votes: 1_880 },
      { electorates: 0, party: parties.soc, seats: 0, votes: 1_520 },
      { electorates: 0, party: parties.hnz, seats: 0, votes: 914 }
    ]
  }
};
